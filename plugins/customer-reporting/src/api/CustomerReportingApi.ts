import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AlertDeliveryList,
  AlertRule,
  AlertRuleInput,
  AlertRuleList,
  AppAdoption,
  AppCustomerFigures,
  CustomerAppList,
  CustomerAuditList,
  CustomerListResponse,
  CustomerReport,
  DataSourceList,
  EnterprisePortalSetting,
  GeneratedPassword,
  HelmInstructions,
  InstallAttemptFailureGroups,
  InstallAttemptFunnel,
  InstallAttemptList,
  InstallAttemptSummary,
  InstallAttemptTrend,
  InstanceArchivedSetting,
  InstanceDetails,
  InstanceEventList,
  InstanceUptime,
  PortalInvitation,
  PutAlertMuteRequest,
  TimeToInstallStats,
} from '@customer-reporting/plugin-customer-reporting-common';
import type {
  AlertDeliveryQuery,
  AppAdoptionQuery,
  AsOfQuery,
  CustomerAuditQuery,
  CustomerListQuery,
  CustomerReportQuery,
  InstallAttemptFilters,
  InstallAttemptListQuery,
  InstanceEventsQuery,
  InstanceUptimeQuery,
  TimeToInstallStatsQuery,
} from './queries';

/** A downloaded license: the signed YAML and the backend's file name. @public */
export interface LicenseFile {
  blob: Blob;
  /** From Content-Disposition, e.g. `acme-corp-license.yaml`. */
  filename: string;
}

/**
 * Access to the customer-reporting backend: reads and customer actions.
 *
 * @remarks
 * Kept as an interface behind an API ref so that pages can be tested with a
 * mock and apps can swap the implementation (for example to add caching).
 * Every request and answer type is generated from the backend's OpenAPI
 * spec (see the -common package); this interface only names the calls.
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
  generatePortalPassword(customerId: string): Promise<GeneratedPassword>;

  /** Sets a chosen Download Portal password (at least 12 characters). */
  setPortalPassword(customerId: string, password: string): Promise<void>;

  /** Enables or disables the Enterprise Portal. */
  setEnterprisePortal(
    customerId: string,
    enabled: boolean,
  ): Promise<EnterprisePortalSetting>;

  /**
   * Archives or unarchives an instance; 409 with the reason when it may not
   * be archived (only inactive, air gap or development-license instances).
   */
  setInstanceArchived(
    instanceId: string,
    archived: boolean,
  ): Promise<InstanceArchivedSetting>;

  /** Invites a user to the Enterprise Portal; 409 when already invited. */
  invitePortalUser(
    customerId: string,
    email: string,
  ): Promise<PortalInvitation>;

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
  muteAlertRule(ruleId: string, mute: PutAlertMuteRequest): Promise<AlertRule>;

  /** Ends a mute of a rule (no subject) or of one subject. */
  unmuteAlertRule(ruleId: string, subject?: string | null): Promise<void>;

  /** The newest deliveries about customers the caller may read. */
  listAlertDeliveries(query?: AlertDeliveryQuery): Promise<AlertDeliveryList>;
}

/**
 * API reference of {@link CustomerReportingApi}.
 *
 * @public
 */
export const customerReportingApiRef = createApiRef<CustomerReportingApi>({
  id: 'plugin.customer-reporting.service',
});
