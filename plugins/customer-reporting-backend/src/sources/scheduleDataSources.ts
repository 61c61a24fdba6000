import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  CustomerReportingDataSource,
  CustomerReportingIngest,
} from '@customer-reporting/plugin-customer-reporting-node';
import { DatabaseDataSourceSyncsStore } from '../database/DatabaseDataSourceSyncsStore';

/**
 * Schedules every registered data source. The scheduler runs each task once
 * per interval across all backend replicas sharing the database. Each run is
 * recorded (started, succeeded with its counts and cursor, or failed with
 * the error) so `GET /v1/data-sources` can show it, and the next run gets
 * the cursor of the last successful one.
 */
export async function scheduleDataSources(options: {
  sources: CustomerReportingDataSource[];
  scheduler: SchedulerService;
  ingest: CustomerReportingIngest;
  syncs: DatabaseDataSourceSyncsStore;
  logger: LoggerService;
  clock: () => number;
}) {
  const { sources, scheduler, ingest, syncs, logger, clock } = options;
  for (const source of sources) {
    const sourceLogger = logger.child({ dataSource: source.id });
    await scheduler.scheduleTask({
      id: `customer-reporting-source-${source.id}`,
      ...source.schedule,
      fn: async () => {
        sourceLogger.info(`Syncing data source ${source.id}`);
        await syncs.recordStarted(source.id, clock());
        try {
          const result = await source.sync({
            ingest,
            logger: sourceLogger,
            cursor: await syncs.getCursor(source.id),
          });
          await syncs.recordSucceeded(source.id, clock(), result ?? {});
        } catch (error) {
          // Recording may fail too (database down); the sync's error matters more.
          await syncs
            .recordFailed(source.id, clock(), stringifyError(error))
            .catch(recordError =>
              sourceLogger.warn(
                `Could not record the failed sync: ${recordError}`,
              ),
            );
          // The scheduler logs it too, with the task id.
          throw error;
        }
      },
    });
  }
}
