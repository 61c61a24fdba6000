import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AlertDeliveryList,
  AlertRule,
  AlertRuleInput,
  AlertRuleList,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  CustomerAuditList,
  CustomerAuditQuery,
  HelmInstructions,
  LicenseFile,
} from './customerActionTypes';

export type {
  CustomerAuditEntry,
  CustomerAuditList,
  CustomerAuditQuery,
  HelmInstructions,
  LicenseFile,
} from './customerActionTypes';
import {
  AdoptionRangeName,
  AppAdoption,
  AppCustomerFigures,
  CustomerAppList,
  CustomerListResponse,
  CustomerReport,
  CustomerSort,
  CustomerStatusFilter,
  DataSourceList,
  InstallAttemptList,
  InstanceDetails,
  InstanceEventCategory,
  InstanceEventList,
  InstanceUptime,
  LicenseType,
  ReportInstallAttempt,
  UptimeRangeName,
} from '@customer-reporting/plugin-customer-reporting-common';

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
  /** Health: worst status of the active instances, `none` without one. */
  status?: CustomerStatusFilter;
  /** Sort key (default `name`); a cursor only continues the sort it came from. */
  sort?: CustomerSort;
  order?: 'asc' | 'desc';
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
  /** Failed or stalled attempts that stopped at this step (a failure group). */
  step?: string;
  /** Failed attempts with this normalised reason (a failure group). */
  reason?: string;
  /** Attempts started at or after this ISO 8601 time. */
  from?: string;
  /** Attempts started before this ISO 8601 time. */
  to?: string;
}

/** Columns the attempt list can be sorted by on the backend. @public */
export type InstallAttemptSort =
  | 'startedAt'
  | 'customer'
  | 'status'
  | 'duration'
  | 'installType';

/** Filters and paging of `GET /v1/install-attempts`. @public */
export interface InstallAttemptListQuery extends InstallAttemptFilters {
  /** Defaults to `startedAt` on the backend. */
  sort?: InstallAttemptSort;
  /** Defaults to `desc` (newest first) on the backend. */
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

/**
 * `GET /v1/install-attempts/summary`: counts per status, the success rate
 * (succeeded ÷ decided attempts) and durations of succeeded attempts.
 *
 * @public
 */
export interface InstallAttemptSummary {
  total: number;
  succeeded: number;
  failed: number;
  stalled: number;
  inProgress: number;
  discarded: number;
  /** null while no attempt is decided. */
  successRate: number | null;
  medianDurationSeconds: number | null;
  p90DurationSeconds: number | null;
}

/** `GET /v1/install-attempts/funnel`. @public */
export interface InstallAttemptFunnel {
  installTypes: {
    installType: string;
    /** In the install type's step order. */
    steps: {
      step: string;
      reached: number;
      stalledHere: number;
      failedHere: number;
    }[];
  }[];
}

/** `GET /v1/install-attempts/failure-groups`, largest groups first. @public */
export interface InstallAttemptFailureGroups {
  items: {
    status: 'failed' | 'stalled';
    step: string | null;
    /** Normalised reason (`<n>`, `<id>`, ...); null for stalled attempts. */
    reason: string | null;
    exampleReason: string | null;
    count: number;
    customers: number;
    firstSeenAt: string;
    lastSeenAt: string;
  }[];
}

/** `GET /v1/install-attempts/trend`; weeks start Monday 00:00 UTC. @public */
export interface InstallAttemptTrend {
  weeks: {
    weekStart: string;
    attempts: number;
    succeeded: number;
    successRate: number | null;
  }[];
}

/** How `GET /v1/time-to-install/stats` groups customers. @public */
export type TimeToInstallGroupBy = 'app' | 'channel' | 'appVersion';

/** Options of `GET /v1/time-to-install/stats`. @public */
export interface TimeToInstallStatsQuery extends AsOfQuery {
  /** Defaults to `app` on the backend. */
  groupBy?: TimeToInstallGroupBy;
}

/** Options of `GET /v1/apps/{appSlug}/adoption`. @public */
export interface AppAdoptionQuery extends AsOfQuery {
  /** One channel; every channel of the app when omitted. */
  channelSlug?: string;
  /** Defaults to `90d` on the backend. */
  range?: AdoptionRangeName;
}

/** `GET /v1/time-to-install/stats`; durations in seconds. @public */
export interface TimeToInstallStats {
  groups: {
    key: string;
    customers: number;
    license: { median: number | null; p90: number | null };
    instance: { median: number | null; p90: number | null };
  }[];
}

/**
 * Access to the customer-reporting backend: reads and customer actions.
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

  /** Apps and channels of the visible customers: the list's filter options. */
  listApps(): Promise<CustomerAppList>;

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

  /** Counts, success rate and durations of the matching attempts. */
  getInstallAttemptSummary(
    query?: InstallAttemptFilters,
  ): Promise<InstallAttemptSummary>;

  /** Steps reached (and where attempts stopped) per install type. */
  getInstallAttemptFunnel(
    query?: InstallAttemptFilters,
  ): Promise<InstallAttemptFunnel>;

  /** Failed and stalled attempts grouped by step and normalised reason. */
  getInstallAttemptFailureGroups(
    query?: InstallAttemptFilters,
  ): Promise<InstallAttemptFailureGroups>;

  /** Attempts and success rate per week. */
  getInstallAttemptTrend(
    query?: InstallAttemptFilters,
  ): Promise<InstallAttemptTrend>;

  /** Time to install across customers, median and p90 per group. */
  getTimeToInstallStats(
    query?: TimeToInstallStatsQuery,
  ): Promise<TimeToInstallStats>;

  /** Release adoption and instance counts of an app over time. */
  getAppAdoption(
    appSlug: string,
    query?: AppAdoptionQuery,
  ): Promise<AppAdoption>;

  /** Versions, customers behind and the worst uptime over every customer of an app. */
  getAppCustomerFigures(
    appSlug: string,
    query?: AsOfQuery,
  ): Promise<AppCustomerFigures>;

  /** Sync status of the data sources the backend pulls from. */
  listDataSources(): Promise<DataSourceList>;

  /** `customers.csv`: one row per customer. */
  exportCustomersCsv(query?: AsOfQuery): Promise<Blob>;

  /** `customers-instances.csv`: one row per instance with its customer. */
  exportCustomerInstancesCsv(query?: AsOfQuery): Promise<Blob>;

  /** `install-attempts.csv`: the attempts matching the filters. */
  exportInstallAttemptsCsv(query?: InstallAttemptFilters): Promise<Blob>;

  /** The Helm commands; rejects with 409 and the reason when impossible. */
  getHelmInstructions(customerId: string): Promise<HelmInstructions>;

  /** The signed license file. */
  downloadLicense(customerId: string): Promise<LicenseFile>;

  /** Generates a Download Portal password; the only time it is returned. */
  generatePortalPassword(customerId: string): Promise<{ password: string }>;

  /** Sets a chosen Download Portal password (at least 12 characters). */
  setPortalPassword(customerId: string, password: string): Promise<void>;

  /** Enables or disables the Enterprise Portal. */
  setEnterprisePortal(
    customerId: string,
    enabled: boolean,
  ): Promise<{ enabled: boolean }>;

  /** Invites a user to the Enterprise Portal; 409 when already invited. */
  invitePortalUser(
    customerId: string,
    email: string,
  ): Promise<{ email: string; status: string }>;

  /** One page of the customer's audit trail, newest first. */
  listAudit(
    customerId: string,
    query?: CustomerAuditQuery,
  ): Promise<CustomerAuditList>;

  /** Every alert rule with its mutes. */
  listAlertRules(): Promise<AlertRuleList>;

  /** Creates or replaces an alert rule (needs the manage permission). */
  putAlertRule(ruleId: string, rule: AlertRuleInput): Promise<AlertRule>;

  /** Deletes an alert rule; its deliveries stay in the log. */
  deleteAlertRule(ruleId: string): Promise<void>;

  /** Mutes a rule (subject null) or one subject of it until `until` (ISO). */
  muteAlertRule(
    ruleId: string,
    mute: { subject: string | null; until: string },
  ): Promise<AlertRule>;

  /** Ends a mute of a rule (no subject) or of one subject. */
  unmuteAlertRule(ruleId: string, subject?: string | null): Promise<void>;

  /** The newest deliveries about customers the caller may read. */
  listAlertDeliveries(query?: AlertDeliveryQuery): Promise<AlertDeliveryList>;
}

/** Options of `GET /v1/alerts/deliveries`. @public */
export interface AlertDeliveryQuery {
  ruleId?: string;
  limit?: number;
}

/**
 * API reference of {@link CustomerReportingApi}.
 *
 * @public
 */
export const customerReportingApiRef = createApiRef<CustomerReportingApi>({
  id: 'plugin.customer-reporting.service',
});
