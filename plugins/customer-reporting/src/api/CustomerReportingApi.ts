import { createApiRef } from '@backstage/core-plugin-api';
import {
  CustomerListResponse,
  CustomerReport,
  InstallAttemptList,
  InstanceDetails,
  InstanceEventCategory,
  InstanceEventList,
  InstanceUptime,
  LicenseType,
  ReportInstallAttempt,
  UptimeRangeName,
} from '@internal/plugin-customer-reporting-common';

/**
 * `asOf` of every read route: the answer as the portal would have given it
 * at that ISO 8601 time (with time zone). Omitted means now.
 *
 * @public
 */
export interface AsOfQuery {
  asOf?: string;
}

/**
 * Filters and paging of `GET /v1/customers`. Every field is optional; the
 * client only sends the ones that are set, so an empty object lists everyone.
 *
 * @public
 */
export interface CustomerListQuery extends AsOfQuery {
  /** Free text matched by the backend against customer name and email. */
  search?: string;
  appSlug?: string;
  channelSlug?: string;
  licenseType?: LicenseType;
  /** true: only active customers, false: only inactive, undefined: both. */
  active?: boolean;
  /** Page size; the backend applies its own default and maximum. */
  limit?: number;
  /** Opaque `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * Options of `GET /v1/customers/{id}/report`. Both flags default to false on
 * the backend: the report lists active, unarchived instances only.
 *
 * @public
 */
export interface CustomerReportQuery extends AsOfQuery {
  includeInactive?: boolean;
  includeArchived?: boolean;
}

/** Options of `GET /v1/instances/{id}/uptime`. @public */
export interface InstanceUptimeQuery extends AsOfQuery {
  /** Defaults to two weeks on the backend. */
  range?: UptimeRangeName;
}

/** Filter and paging of `GET /v1/instances/{id}/events`. @public */
export interface InstanceEventsQuery extends AsOfQuery {
  category?: InstanceEventCategory;
  limit?: number;
  cursor?: string;
}

/** Status of an install attempt. @public */
export type InstallAttemptStatus = ReportInstallAttempt['status'];

/**
 * Filters shared by the install attempt list and its CSV export.
 *
 * @public
 */
export interface InstallAttemptFilters extends AsOfQuery {
  appSlug?: string;
  channelSlug?: string;
  customerId?: string;
  /** Any of these statuses; sent as one comma-separated parameter. */
  status?: InstallAttemptStatus[];
  installType?: 'helm' | 'linux';
  networkMode?: 'online' | 'proxy' | 'airgap';
  registry?: 'online' | 'partial' | 'offline';
  k8sDistribution?: string;
  os?: string;
  appVersion?: string;
  /** Attempts started at or after this ISO 8601 time. */
  from?: string;
  /** Attempts started before this ISO 8601 time. */
  to?: string;
}

/** Filters and paging of `GET /v1/install-attempts`. @public */
export interface InstallAttemptListQuery extends InstallAttemptFilters {
  limit?: number;
  cursor?: string;
}

/**
 * Read access to the customer-reporting backend.
 *
 * @remarks
 * Kept as an interface behind an API ref so that pages can be tested with a
 * mock and apps can swap the implementation (for example to add caching).
 *
 * @public
 */
export interface CustomerReportingApi {
  /** One page of customers matching the query. */
  listCustomers(query?: CustomerListQuery): Promise<CustomerListResponse>;

  /** Everything the customer report page shows about one customer. */
  getCustomerReport(
    customerId: string,
    query?: CustomerReportQuery,
  ): Promise<CustomerReport>;

  /** State, insights and information of one instance. */
  getInstance(instanceId: string, query?: AsOfQuery): Promise<InstanceDetails>;

  /** Uptime buckets of one instance over a range. */
  getInstanceUptime(
    instanceId: string,
    query?: InstanceUptimeQuery,
  ): Promise<InstanceUptime>;

  /** One page of an instance's change events, newest first. */
  listInstanceEvents(
    instanceId: string,
    query?: InstanceEventsQuery,
  ): Promise<InstanceEventList>;

  /** One page of install attempts of all customers, newest first. */
  listInstallAttempts(
    query?: InstallAttemptListQuery,
  ): Promise<InstallAttemptList>;

  /** `customers.csv`: one row per customer. */
  exportCustomersCsv(query?: AsOfQuery): Promise<Blob>;

  /** `customers-instances.csv`: one row per instance with its customer. */
  exportCustomerInstancesCsv(query?: AsOfQuery): Promise<Blob>;

  /** `install-attempts.csv`: the attempts matching the filters. */
  exportInstallAttemptsCsv(query?: InstallAttemptFilters): Promise<Blob>;
}

/**
 * API reference of {@link CustomerReportingApi}.
 *
 * @public
 */
export const customerReportingApiRef = createApiRef<CustomerReportingApi>({
  id: 'plugin.customer-reporting.service',
});
