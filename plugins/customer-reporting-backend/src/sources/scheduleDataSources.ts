import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import {
  CustomerReportingDataSource,
  CustomerReportingIngest,
} from '@internal/plugin-customer-reporting-node';

/**
 * Schedules every registered data source. The scheduler runs each task once
 * per interval across all backend replicas sharing the database.
 */
export async function scheduleDataSources(options: {
  sources: CustomerReportingDataSource[];
  scheduler: SchedulerService;
  ingest: CustomerReportingIngest;
  logger: LoggerService;
}) {
  const { sources, scheduler, ingest, logger } = options;
  for (const source of sources) {
    const sourceLogger = logger.child({ dataSource: source.id });
    await scheduler.scheduleTask({
      id: `customer-reporting-source-${source.id}`,
      ...source.schedule,
      fn: async () => {
        sourceLogger.info(`Syncing data source ${source.id}`);
        await source.sync({ ingest, logger: sourceLogger });
      },
    });
  }
}
