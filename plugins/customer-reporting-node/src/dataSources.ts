import {
  createExtensionPoint,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { IngestResult } from '@customer-reporting/plugin-customer-reporting-common';

/**
 * The ingestion path, as offered to data sources. Bodies are the same as the
 * HTTP ingest routes' and get the same validation: a bad item rejects its
 * whole call with an error listing `{index, field, message}`.
 * @public
 */
export interface CustomerReportingIngest {
  putApp(appSlug: string, app: unknown): Promise<unknown>;
  putCustomer(customerId: string, customer: unknown): Promise<void>;
  ingestCheckIns(body: { checkIns: unknown[] }): Promise<IngestResult>;
  ingestInstallAttemptEvents(body: {
    events: unknown[];
  }): Promise<IngestResult>;
  ingestPortalEvents(body: { events: unknown[] }): Promise<IngestResult>;
  /** How many customers are stored, so a source can tell a first run. */
  countCustomers(): Promise<number>;
  /**
   * Archives the given instances, as the source system archived them (it
   * enforces who may be archived); ids not stored are ignored. Returns how
   * many were stored and not yet archived.
   */
  archiveInstances(instanceIds: string[]): Promise<number>;
}

/**
 * What a sync may report back; both parts are optional, so a sync that
 * returns nothing is still valid.
 * @public
 */
export interface CustomerReportingDataSourceSyncResult {
  /** Figures shown with the source's status, e.g. `{customers: 12}`. */
  counts?: Record<string, number>;
  /**
   * Where the next sync should resume, handed back to it as
   * `context.cursor`. Stored only when the sync succeeds, so a failed run
   * is retried from the previous position.
   */
  cursor?: string;
}

/**
 * A system the plugin pulls customer data from on a schedule.
 * @public
 */
export interface CustomerReportingDataSource {
  /** Unique, stable id; names the scheduled task and its sync status. */
  id: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Pulls what changed and writes it through `ingest`. */
  sync(context: {
    ingest: CustomerReportingIngest;
    logger: LoggerService;
    /** The cursor the last successful sync returned, if any. */
    cursor?: string;
  }): Promise<void | CustomerReportingDataSourceSyncResult>;
}

/** @public */
export interface CustomerReportingDataSourcesExtensionPoint {
  addDataSource(source: CustomerReportingDataSource): void;
}

/**
 * Lets backend modules register data sources with the customer-reporting
 * backend.
 * @public
 */
export const customerReportingDataSourcesExtensionPoint =
  createExtensionPoint<CustomerReportingDataSourcesExtensionPoint>({
    id: 'customer-reporting.data-sources',
  });
