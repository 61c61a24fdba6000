import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  CustomerReportingDataSource,
  CustomerReportingDataSourceSyncResult,
  CustomerReportingIngest,
} from '@customer-reporting/plugin-customer-reporting-node';
import { ReplicatedConfig } from './config';
import { readEventCursor } from './eventCursor';
import { parseApps } from './parseApps';
import { syncApp } from './syncApp';
import { teamSupportBundles } from './pullCustomerData';
import { SyncCounts } from './syncCounts';
import { VendorApiClient, VendorApiClientOptions } from './VendorApiClient';

/** Check-ins this close to the retention limit are left out: the ingest checks later. */
const RETENTION_MARGIN_MS = 86_400_000;

/**
 * The Replicated Vendor API as a customer-reporting data source. Each sync
 * pulls the configured apps in full (customers with their instances,
 * channel release history, Enterprise Portal install attempts, users and
 * service accounts) and instance events incrementally from the time in its
 * cursor; re-sending what is already stored is harmless because the
 * ingestion deduplicates.
 */
export class ReplicatedDataSource implements CustomerReportingDataSource {
  readonly id = 'replicated';
  readonly schedule: ReplicatedConfig['schedule'];

  constructor(
    private readonly config: ReplicatedConfig,
    private readonly options: {
      clock?: () => number;
      /** Retry waits; tests pass one that does not wait. */
      sleep?: VendorApiClientOptions['sleep'];
    } = {},
  ) {
    this.schedule = config.schedule;
  }

  async sync(context: {
    ingest: CustomerReportingIngest;
    logger: LoggerService;
    cursor?: string;
  }): Promise<CustomerReportingDataSourceSyncResult> {
    const { ingest, logger } = context;
    const { config } = this;
    const now = (this.options.clock ?? Date.now)();
    const window = {
      now,
      oldest: now - config.checkInRetentionMs + RETENTION_MARGIN_MS,
    };
    const client = new VendorApiClient({
      baseUrl: config.baseUrl,
      apiToken: config.apiToken,
      logger,
      sleep: this.options.sleep,
      clock: this.options.clock,
    });
    const counts = new SyncCounts();
    const cursor = readEventCursor(context.cursor, logger);

    const listed = parseApps(await client.listApps(), logger);
    counts.add('skipped', listed.skipped);
    const apps = config.appSlugs.flatMap(slug => {
      const app = listed.apps.find(a => a.slug === slug);
      if (!app) logger.warn(`The Vendor API lists no app with slug ${slug}`);
      return app ? [app] : [];
    });
    if (apps.length === 0) {
      throw new NotFoundError(
        `None of the apps in customerReporting.replicated.appSlugs (${config.appSlugs.join(
          ', ',
        )}) exists for this API token`,
      );
    }

    const supportBundles = teamSupportBundles(client, logger, counts);
    for (const app of apps) {
      const customers = await syncApp({
        app,
        client,
        ingest,
        logger,
        counts,
        includeTest: config.includeTest,
        eventCursor: cursor[app.slug],
        window,
        supportBundles,
      });
      // Only once the app's events are stored: a failed sync resumes earlier.
      cursor[app.slug] = { at: new Date(now).toISOString(), customers };
    }
    const result = counts.toJSON();
    logger.info(`Replicated sync done: ${JSON.stringify(result)}`);
    return { counts: result, cursor: JSON.stringify(cursor) };
  }
}
