import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { DatabaseInstancesStore } from '../database/DatabaseInstancesStore';

/**
 * Deletes raw check-ins older than the retention age once a day. What the
 * reports need from them (instance state, change events, observation spans)
 * is kept in derived tables, and check-ins older than the retention age are
 * refused at ingest, so nothing derived ever needs a deleted check-in again.
 */
export async function scheduleRetention(options: {
  scheduler: SchedulerService;
  instances: DatabaseInstancesStore;
  auditTrail: DatabaseAuditStore;
  auditRetentionMs: number;
  logger: LoggerService;
  retentionMs: number;
  clock: () => number;
}) {
  const {
    scheduler,
    instances,
    auditTrail,
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
      logger.info(
        `Retention: deleted ${checkIns} check-ins and ${audit} audit entries past their retention age`,
      );
    },
  });
}
