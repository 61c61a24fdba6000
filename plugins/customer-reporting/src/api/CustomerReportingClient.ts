import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AlertDeliveryList,
  AlertRuleInput,
  AlertRuleList,
} from '@customer-reporting/plugin-customer-reporting-common';
import type { AlertDeliveryQuery } from './CustomerReportingApi';
import {
  AppAdoption,
  AppCustomerFigures,
  CustomerAppList,
  CustomerListResponse,
  CustomerReport,
  DataSourceList,
  InstallAttemptList,
  InstanceDetails,
  InstanceEventList,
  InstanceUptime,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  AppAdoptionQuery,
  AsOfQuery,
  CustomerListQuery,
  CustomerReportingApi,
  CustomerAuditList,
  CustomerAuditQuery,
  CustomerReportQuery,
  HelmInstructions,
  InstallAttemptFailureGroups,
  InstallAttemptFilters,
  InstallAttemptFunnel,
  InstallAttemptListQuery,
  InstallAttemptSummary,
  InstallAttemptTrend,
  InstanceEventsQuery,
  InstanceUptimeQuery,
  LicenseFile,
  TimeToInstallStats,
  TimeToInstallStatsQuery,
} from './CustomerReportingApi';
import {
  customerPath,
  filenameFromDisposition,
  JsonBody,
} from './actionHelpers';

/** Values a query parameter may take before it is serialised. */
type QueryValue = string | number | boolean | null | undefined;

/** Query parameters of the install attempt list and its CSV export. */
function attemptFilterParams(
  query: InstallAttemptFilters,
): Record<string, QueryValue> {
  return {
    appSlug: query.appSlug,
    channelSlug: query.channelSlug,
    customerId: query.customerId,
    // The backend takes several statuses as one comma-separated value.
    status: query.status?.length ? query.status.join(',') : undefined,
    installType: query.installType,
    networkMode: query.networkMode,
    registry: query.registry,
    k8sDistribution: query.k8sDistribution,
    os: query.os,
    appVersion: query.appVersion,
    step: query.step,
    reason: query.reason,
    from: query.from,
    to: query.to,
    asOf: query.asOf,
  };
}

/**
 * HTTP implementation of {@link CustomerReportingApi}, modelled on the
 * notifications plugin's client.
 *
 * @remarks
 * Every route goes through the private `request` helper, so each method only
 * names its path and parameters. Requests go through the fetchApi so they
 * carry the user's Backstage token, which is also why CSV exports are
 * fetched as blobs here rather than linked: a plain link would be anonymous.
 *
 * @public
 */
export class CustomerReportingClient implements CustomerReportingApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listCustomers(
    query: CustomerListQuery = {},
  ): Promise<CustomerListResponse> {
    return this.getJson<CustomerListResponse>('/v1/customers', {
      search: query.search,
      appSlug: query.appSlug,
      channelSlug: query.channelSlug,
      licenseType: query.licenseType,
      active: query.active,
      status: query.status,
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      cursor: query.cursor,
      asOf: query.asOf,
    });
  }

  listApps(): Promise<CustomerAppList> {
    return this.getJson<CustomerAppList>('/v1/apps');
  }

  async getCustomerReport(
    customerId: string,
    query: CustomerReportQuery = {},
  ): Promise<CustomerReport> {
    return this.getJson<CustomerReport>(
      `/v1/customers/${encodeURIComponent(customerId)}/report`,
      {
        includeInactive: query.includeInactive,
        includeArchived: query.includeArchived,
        asOf: query.asOf,
      },
    );
  }

  async getInstance(
    instanceId: string,
    query: AsOfQuery = {},
  ): Promise<InstanceDetails> {
    return this.getJson<InstanceDetails>(
      `/v1/instances/${encodeURIComponent(instanceId)}`,
      { asOf: query.asOf },
    );
  }

  async getInstanceUptime(
    instanceId: string,
    query: InstanceUptimeQuery = {},
  ): Promise<InstanceUptime> {
    return this.getJson<InstanceUptime>(
      `/v1/instances/${encodeURIComponent(instanceId)}/uptime`,
      { range: query.range, asOf: query.asOf },
    );
  }

  async listInstanceEvents(
    instanceId: string,
    query: InstanceEventsQuery = {},
  ): Promise<InstanceEventList> {
    return this.getJson<InstanceEventList>(
      `/v1/instances/${encodeURIComponent(instanceId)}/events`,
      {
        category: query.category,
        limit: query.limit,
        cursor: query.cursor,
        asOf: query.asOf,
      },
    );
  }

  async listInstallAttempts(
    query: InstallAttemptListQuery = {},
  ): Promise<InstallAttemptList> {
    return this.getJson<InstallAttemptList>('/v1/install-attempts', {
      ...attemptFilterParams(query),
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  async getInstallAttemptSummary(
    query: InstallAttemptFilters = {},
  ): Promise<InstallAttemptSummary> {
    return this.getJson<InstallAttemptSummary>(
      '/v1/install-attempts/summary',
      attemptFilterParams(query),
    );
  }

  async getInstallAttemptFunnel(
    query: InstallAttemptFilters = {},
  ): Promise<InstallAttemptFunnel> {
    return this.getJson<InstallAttemptFunnel>(
      '/v1/install-attempts/funnel',
      attemptFilterParams(query),
    );
  }

  async getInstallAttemptFailureGroups(
    query: InstallAttemptFilters = {},
  ): Promise<InstallAttemptFailureGroups> {
    return this.getJson<InstallAttemptFailureGroups>(
      '/v1/install-attempts/failure-groups',
      attemptFilterParams(query),
    );
  }

  async getInstallAttemptTrend(
    query: InstallAttemptFilters = {},
  ): Promise<InstallAttemptTrend> {
    return this.getJson<InstallAttemptTrend>(
      '/v1/install-attempts/trend',
      attemptFilterParams(query),
    );
  }

  async getTimeToInstallStats(
    query: TimeToInstallStatsQuery = {},
  ): Promise<TimeToInstallStats> {
    return this.getJson<TimeToInstallStats>('/v1/time-to-install/stats', {
      groupBy: query.groupBy,
      asOf: query.asOf,
    });
  }

  async getAppAdoption(
    appSlug: string,
    query: AppAdoptionQuery = {},
  ): Promise<AppAdoption> {
    return this.getJson<AppAdoption>(
      `/v1/apps/${encodeURIComponent(appSlug)}/adoption`,
      { channelSlug: query.channelSlug, range: query.range, asOf: query.asOf },
    );
  }

  async getAppCustomerFigures(
    appSlug: string,
    query: AsOfQuery = {},
  ): Promise<AppCustomerFigures> {
    return this.getJson<AppCustomerFigures>(
      `/v1/apps/${encodeURIComponent(appSlug)}/customer-figures`,
      { asOf: query.asOf },
    );
  }

  async exportCustomersCsv(query: AsOfQuery = {}): Promise<Blob> {
    const response = await this.request('/v1/exports/customers.csv', {
      asOf: query.asOf,
    });
    return response.blob();
  }

  async exportCustomerInstancesCsv(query: AsOfQuery = {}): Promise<Blob> {
    const response = await this.request('/v1/exports/customers-instances.csv', {
      asOf: query.asOf,
    });
    return response.blob();
  }

  async exportInstallAttemptsCsv(
    query: InstallAttemptFilters = {},
  ): Promise<Blob> {
    const response = await this.request(
      '/v1/exports/install-attempts.csv',
      attemptFilterParams(query),
    );
    return response.blob();
  }

  getHelmInstructions(customerId: string): Promise<HelmInstructions> {
    return this.getJson(customerPath(customerId, 'helm-instructions'));
  }

  listDataSources(): Promise<DataSourceList> {
    return this.getJson<DataSourceList>('/v1/data-sources');
  }

  async downloadLicense(customerId: string): Promise<LicenseFile> {
    const response = await this.request(customerPath(customerId, 'license'));
    const filename = filenameFromDisposition(
      response.headers.get('content-disposition'),
    );
    return {
      blob: await response.blob(),
      filename: filename ?? 'license.yaml',
    };
  }

  async generatePortalPassword(
    customerId: string,
  ): Promise<{ password: string }> {
    // An empty body asks the backend to generate the password.
    const path = customerPath(customerId, 'download-portal/password');
    const response = await this.request(path, {}, { method: 'POST', body: {} });
    return response.json();
  }

  async setPortalPassword(customerId: string, password: string) {
    const path = customerPath(customerId, 'download-portal/password');
    const body = { password };
    await this.request(path, {}, { method: 'POST', body });
  }

  async setEnterprisePortal(customerId: string, enabled: boolean) {
    const path = customerPath(customerId, 'enterprise-portal');
    const init: JsonBody = { method: 'PUT', body: { enabled } };
    return (await this.request(path, {}, init)).json();
  }

  async invitePortalUser(customerId: string, email: string) {
    const path = customerPath(customerId, 'enterprise-portal/invitations');
    const init: JsonBody = { method: 'POST', body: { email } };
    return (await this.request(path, {}, init)).json();
  }

  listAudit(
    customerId: string,
    query: CustomerAuditQuery = {},
  ): Promise<CustomerAuditList> {
    return this.getJson(customerPath(customerId, 'audit'), {
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  listAlertRules(): Promise<AlertRuleList> {
    return this.getJson('/v1/alerts/rules');
  }

  async putAlertRule(ruleId: string, rule: AlertRuleInput) {
    const init: JsonBody = { method: 'PUT', body: rule };
    return (await this.request(alertRulePath(ruleId), {}, init)).json();
  }

  async deleteAlertRule(ruleId: string): Promise<void> {
    await this.request(alertRulePath(ruleId), {}, { method: 'DELETE' });
  }

  async muteAlertRule(
    ruleId: string,
    mute: { subject: string | null; until: string },
  ) {
    const init: JsonBody = { method: 'PUT', body: mute };
    return (
      await this.request(`${alertRulePath(ruleId)}/mutes`, {}, init)
    ).json();
  }

  async unmuteAlertRule(ruleId: string, subject?: string | null) {
    await this.request(
      `${alertRulePath(ruleId)}/mutes`,
      { subject },
      { method: 'DELETE' },
    );
  }

  listAlertDeliveries(
    query: AlertDeliveryQuery = {},
  ): Promise<AlertDeliveryList> {
    return this.getJson('/v1/alerts/deliveries', {
      ruleId: query.ruleId,
      limit: query.limit,
    });
  }

  private async getJson<T>(
    path: string,
    query: Record<string, QueryValue> = {},
  ): Promise<T> {
    const response = await this.request(path, query);
    return (await response.json()) as T;
  }

  /**
   * GETs a path below the plugin's base URL (or sends `json` to it).
   *
   * Empty values are dropped rather than sent as `?search=`: the contract
   * asks for set parameters only, which also keeps URLs short and logs clean.
   * Non-2xx answers become a ResponseError carrying the backend's error body,
   * which ResponseErrorPanel knows how to display.
   */
  private async request(
    path: string,
    query: Record<string, QueryValue> = {},
    json?: JsonBody,
  ): Promise<Response> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') {
        continue;
      }
      params.append(key, String(value));
    }
    const queryString = params.toString();

    // Resolved per call: discovery may hand out different hosts over time.
    const baseUrl = await this.discoveryApi.getBaseUrl('customer-reporting');
    const url = `${baseUrl}${path}${queryString ? `?${queryString}` : ''}`;

    const response = await this.fetchApi.fetch(
      url,
      json && {
        method: json.method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(json.body),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function alertRulePath(ruleId: string): string {
  return `/v1/alerts/rules/${encodeURIComponent(ruleId)}`;
}
