import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { DatabaseAlertDeliveriesStore } from '../alerts/DatabaseAlertDeliveriesStore';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { DatabaseInstancesStore } from '../database/DatabaseInstancesStore';

/**
 * Deletes raw check-ins older than the retention age once a day. What the
 * reports need from them (instance state, change events, observation spans)
 * is kept in derived tables, and the ingest refuses a check-in from before
 * what its instance lost (DatabaseInstancesStore.deleteCheckInsBefore), so
 * nothing derived ever needs a deleted check-in again.
 */
export async function scheduleRetention(options: {
  scheduler: SchedulerService;
  instances: DatabaseInstancesStore;
  auditTrail: DatabaseAuditStore;
  /** The alert delivery log, kept as long as the audit trail. */
  alertDeliveries: DatabaseAlertDeliveriesStore;
  auditRetentionMs: number;
  logger: LoggerService;
  retentionMs: number;
  clock: () => number;
}) {
  const {
    scheduler,
    instances,
    auditTrail,
    alertDeliveries,
    logger,
    retentionMs,
    auditRetentionMs,
    clock,
  } = options;
  await scheduler.scheduleTask({
    id: 'customer-reporting-check-in-retention',
    frequency: { hours: 24 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 5 },
    fn: async () => {
      const now = clock();
      const checkIns = await instances.deleteCheckInsBefore(now - retentionMs);
      const audit = await auditTrail.deleteBefore(now - auditRetentionMs);
      const deliveries = await alertDeliveries.deleteBefore(
        now - auditRetentionMs,
      );
      logger.info(
        `Retention: deleted ${checkIns} check-ins, ${audit} audit entries and ${deliveries} alert deliveries past their retention age`,
      );
    },
  });
}
