import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  customerReportingAlertsManagePermission,
  customerReportingAlertsReadPermission,
  customerReportingDataSourcesReadPermission,
  customerReportingExportPermission,
  customerReportingIngestPermission,
  customerResourcePermissions,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  customerPermissionResourceRef,
  customerPermissionRules,
  CustomerReportingDataSource,
  customerReportingDataSourcesExtensionPoint,
} from '@customer-reporting/plugin-customer-reporting-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { registerActions } from './actions/registerActions';
import { AlertEvaluator } from './alerts/AlertEvaluator';
import { readAlertOptions, scheduleAlerts } from './alerts/scheduleAlerts';
import { createCustomerChangedAnnouncer } from './events/customerChangedAnnouncer';
import { createStores } from './database/createStores';
import { IngestService } from './ingest/IngestService';
import { createRouter } from './service/router';
import { readPluginOptions } from './options';
import { assertSafeOutsideDevelopment } from './config/productionSafety';
import { CustomerAccess } from './permissions/CustomerAccess';
import { scheduleRetention } from './retention/scheduleRetention';
import { scheduleDataSources } from './sources/scheduleDataSources';

/**
 * The customer-reporting backend plugin: a thin shell wiring the database
 * stores, the ingestion service, data sources and the HTTP router.
 */
export const customerReportingPlugin = createBackendPlugin({
  pluginId: 'customer-reporting',
  register(env) {
    const dataSources = new Map<string, CustomerReportingDataSource>();
    env.registerExtensionPoint(customerReportingDataSourcesExtensionPoint, {
      addDataSource(source) {
        if (dataSources.has(source.id)) {
          throw new Error(`Data source '${source.id}' is already registered`);
        }
        dataSources.set(source.id, source);
      },
    });

    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        events: eventsServiceRef,
        notifications: notificationService,
      },
      async init({
        actionsRegistry,
        auditor,
        auth,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        scheduler,
        permissions,
        permissionsRegistry,
        events,
        notifications,
      }) {
        // Before anything touches the database or serves a request.
        assertSafeOutsideDevelopment(config, process.env.NODE_ENV);
        const clock = () => Date.now();
        const stores = await createStores(database, clock);
        permissionsRegistry.addResourceType({
          resourceRef: customerPermissionResourceRef,
          permissions: customerResourcePermissions,
          rules: Object.values(customerPermissionRules),
          getResources: ids => stores.customers.getPermissionResources(ids),
        });
        permissionsRegistry.addPermissions([
          customerReportingExportPermission,
          customerReportingDataSourcesReadPermission,
          customerReportingIngestPermission,
          customerReportingAlertsReadPermission,
          customerReportingAlertsManagePermission,
        ]);
        const access = new CustomerAccess(
          permissions,
          permissionsRegistry.getPermissionRuleset(
            customerPermissionResourceRef,
          ),
        );
        const options = readPluginOptions(config);
        registerActions({ actionsRegistry, access, stores, options, clock });
        const alertOptions = readAlertOptions(config);
        const alerts = new AlertEvaluator({
          db: stores.alerts.db,
          rules: stores.alerts.rules,
          deliveries: stores.alerts.deliveries,
          notifications,
          logger,
          clock,
          activeWindowMs: options.activeWindowMs,
          stalledAfterMs: options.stalledAfterMs,
          lookbackMs: alertOptions.lookbackMs,
          defaultOwner: alertOptions.defaultOwner,
        });
        const announceCustomerChanged = createCustomerChangedAnnouncer(
          events,
          logger,
        );
        const ingest = new IngestService(
          stores,
          clock,
          async customerId => {
            // The catalog module keeps the customer's entity up to date; the
            // ingest does not wait for it.
            announceCustomerChanged(customerId);
          },
          // Alerts about what the write changed, before the caller is answered.
          async customerIds => {
            await alerts
              .evaluate({ customerIds })
              .catch(error =>
                logger.warn(`Alert evaluation after ingest failed: ${error}`),
              );
          },
        );

        httpRouter.use(
          await createRouter({
            httpAuth,
            auth,
            auditor,
            access,
            stores,
            ingest,
            clock,
            options,
            dataSourceIds: [...dataSources.keys()],
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        await scheduleDataSources({
          sources: [...dataSources.values()],
          scheduler,
          ingest,
          syncs: stores.dataSourceSyncs,
          logger,
          clock,
        });
        await scheduleAlerts({
          scheduler,
          evaluator: alerts,
          logger,
          everyMs: alertOptions.evaluateEveryMs,
        });
        await scheduleRetention({
          scheduler,
          instances: stores.instances,
          auditTrail: stores.auditTrail,
          alertDeliveries: stores.alerts.deliveries,
          logger,
          retentionMs: options.checkInRetentionMs,
          auditRetentionMs: options.auditRetentionMs,
          clock,
        });
      },
    });
  },
});
