import { Knex } from 'knex';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseAdoptionStore } from './DatabaseAdoptionStore';
import { DatabaseAppsStore } from './DatabaseAppsStore';
import { DatabaseCustomersStore } from './DatabaseCustomersStore';
import { DatabaseDataSourceSyncsStore } from './DatabaseDataSourceSyncsStore';
import { DatabaseInstallAttemptsStore } from './DatabaseInstallAttemptsStore';
import { DatabaseInstancesStore } from './DatabaseInstancesStore';
import { DatabaseAuditStore } from './DatabaseAuditStore';
import { DatabaseInstallAuditStore } from './DatabaseInstallAuditStore';
import { DatabaseInstanceEventsStore } from './DatabaseInstanceEventsStore';
import { DatabaseTimeToInstallStatsStore } from './DatabaseTimeToInstallStatsStore';
import { DatabasePortalStore } from './DatabasePortalStore';
import { DatabaseReportStore } from './DatabaseReportStore';
import { getMigratedClient } from './migrateDatabase';
import { DatabaseAlertRulesStore } from '../alerts/DatabaseAlertRulesStore';
import { DatabaseAlertDeliveriesStore } from '../alerts/DatabaseAlertDeliveriesStore';

/** Every store of the plugin, over one migrated database client. */
export interface Stores {
  apps: DatabaseAppsStore;
  customers: DatabaseCustomersStore;
  instances: DatabaseInstancesStore;
  installAttempts: DatabaseInstallAttemptsStore;
  portal: DatabasePortalStore;
  report: DatabaseReportStore;
  instanceEvents: DatabaseInstanceEventsStore;
  installAudit: DatabaseInstallAuditStore;
  timeToInstallStats: DatabaseTimeToInstallStatsStore;
  auditTrail: DatabaseAuditStore;
  dataSourceSyncs: DatabaseDataSourceSyncsStore;
  adoption: DatabaseAdoptionStore;
  /** Alert rules and deliveries, and the client the evaluator reads facts with. */
  alerts: {
    rules: DatabaseAlertRulesStore;
    deliveries: DatabaseAlertDeliveriesStore;
    db: Knex;
  };
}

export async function createStores(
  database: DatabaseService,
  clock: () => number = Date.now,
): Promise<Stores> {
  const db = await getMigratedClient(database);
  return {
    apps: new DatabaseAppsStore(db),
    customers: new DatabaseCustomersStore(db),
    instances: new DatabaseInstancesStore(db),
    installAttempts: new DatabaseInstallAttemptsStore(db),
    portal: new DatabasePortalStore(db),
    report: new DatabaseReportStore(db),
    instanceEvents: new DatabaseInstanceEventsStore(db),
    installAudit: new DatabaseInstallAuditStore(db),
    timeToInstallStats: new DatabaseTimeToInstallStatsStore(db),
    auditTrail: new DatabaseAuditStore(db, clock),
    dataSourceSyncs: new DatabaseDataSourceSyncsStore(db),
    adoption: new DatabaseAdoptionStore(db),
    alerts: {
      rules: new DatabaseAlertRulesStore(db),
      deliveries: new DatabaseAlertDeliveriesStore(db),
      db,
    },
  };
}
