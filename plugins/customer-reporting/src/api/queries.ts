/*
 * The query parameters of each call, under the names the pages use. They are
 * the generated request types' `query` (from the backend's OpenAPI spec), so
 * a parameter added, renamed or retyped there shows up here and in every
 * page that builds one. The client only sends the set ones.
 */
import type {
  GetAppAdoption,
  GetCustomerReport,
  GetInstallAttemptSummary,
  GetInstance,
  GetInstanceUptime,
  GetTimeToInstallStats,
  InstallAttemptStatus,
  ListAlertDeliveries,
  ListCustomerAudit,
  ListCustomers,
  ListInstallAttempts,
  ListInstanceEvents,
} from '@customer-reporting/plugin-customer-reporting-common';

type QueryOf<Request extends { query?: object }> = NonNullable<
  Request['query']
>;

/** `asOf` of the read routes that take nothing else. @public */
export type AsOfQuery = QueryOf<GetInstance>;

/** Filters, sort and paging of `GET /v1/customers`. @public */
export type CustomerListQuery = QueryOf<ListCustomers>;

/** Options of `GET /v1/customers/{id}/report`. @public */
export type CustomerReportQuery = QueryOf<GetCustomerReport>;

/** Options of `GET /v1/instances/{id}/uptime`. @public */
export type InstanceUptimeQuery = QueryOf<GetInstanceUptime>;

/** Filter and paging of `GET /v1/instances/{id}/events`. @public */
export type InstanceEventsQuery = QueryOf<ListInstanceEvents>;

/**
 * The spec's `status` of the attempt routes is one comma-separated string;
 * pages keep a list, which the client joins.
 */
type StatusList<Query> = Omit<Query, 'status'> & {
  status?: InstallAttemptStatus[];
};

/**
 * Filters shared by the install attempt summary, funnel, failure groups,
 * trend and CSV export. @public
 */
export type InstallAttemptFilters = StatusList<
  QueryOf<GetInstallAttemptSummary>
>;

/** Filters, sort and paging of `GET /v1/install-attempts`. @public */
export type InstallAttemptListQuery = StatusList<QueryOf<ListInstallAttempts>>;

/** Columns the attempt list can be sorted by. @public */
export type InstallAttemptSort = NonNullable<InstallAttemptListQuery['sort']>;

/** Options of `GET /v1/time-to-install/stats`. @public */
export type TimeToInstallStatsQuery = QueryOf<GetTimeToInstallStats>;

/** How `GET /v1/time-to-install/stats` groups customers. @public */
export type TimeToInstallGroupBy = NonNullable<
  TimeToInstallStatsQuery['groupBy']
>;

/** Options of `GET /v1/apps/{appSlug}/adoption`. @public */
export type AppAdoptionQuery = QueryOf<GetAppAdoption>;

/** Paging of `GET /v1/customers/{id}/audit`. @public */
export type CustomerAuditQuery = QueryOf<ListCustomerAudit>;

/** Options of `GET /v1/alerts/deliveries`. @public */
export type AlertDeliveryQuery = QueryOf<ListAlertDeliveries>;
