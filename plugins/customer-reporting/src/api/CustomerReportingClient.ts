import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AlertRuleInput,
  CustomerReportingApiClient,
  PutAlertMuteRequest,
  TypedResponse,
} from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingApi, LicenseFile } from './CustomerReportingApi';
import {
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
import { filenameFromDisposition } from './contentDisposition';

/**
 * The answer, or a ResponseError carrying the backend's error body (which
 * ResponseErrorPanel knows how to display) when it is not a 2xx.
 */
async function ok<T>(pending: Promise<TypedResponse<T>>) {
  const response = await pending;
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response;
}

/** The attempt filters with the status list as the one value the spec takes. */
function attemptQuery<Query extends { status?: string[] }>(query: Query) {
  const status = query.status?.length ? query.status.join(',') : undefined;
  return { ...query, status };
}

async function json<T>(pending: Promise<TypedResponse<T>>): Promise<T> {
  return (await ok(pending)).json();
}

/**
 * {@link CustomerReportingApi} over HTTP: the client generated from the
 * backend's OpenAPI spec (`CustomerReportingApiClient` in -common), with
 * non-2xx answers turned into ResponseError and bodies read.
 *
 * @remarks
 * Requests go through the fetchApi so they carry the user's Backstage token,
 * which is also why files (CSV exports, the license) are fetched as blobs
 * here rather than linked: a plain link would be anonymous.
 *
 * @public
 */
export class CustomerReportingClient implements CustomerReportingApi {
  private readonly api: CustomerReportingApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.api = new CustomerReportingApiClient(options);
  }

  listCustomers(query: CustomerListQuery = {}) {
    return json(this.api.listCustomers({ query }));
  }

  listApps() {
    return json(this.api.listCustomerApps());
  }

  getCustomerReport(customerId: string, query: CustomerReportQuery = {}) {
    return json(this.api.getCustomerReport({ path: { customerId }, query }));
  }

  getInstance(instanceId: string, query: AsOfQuery = {}) {
    return json(this.api.getInstance({ path: { instanceId }, query }));
  }

  getInstanceUptime(instanceId: string, query: InstanceUptimeQuery = {}) {
    return json(this.api.getInstanceUptime({ path: { instanceId }, query }));
  }

  listInstanceEvents(instanceId: string, query: InstanceEventsQuery = {}) {
    return json(this.api.listInstanceEvents({ path: { instanceId }, query }));
  }

  listInstallAttempts(query: InstallAttemptListQuery = {}) {
    return json(this.api.listInstallAttempts({ query: attemptQuery(query) }));
  }

  getInstallAttemptSummary(query: InstallAttemptFilters = {}) {
    return json(
      this.api.getInstallAttemptSummary({ query: attemptQuery(query) }),
    );
  }

  getInstallAttemptFunnel(query: InstallAttemptFilters = {}) {
    return json(
      this.api.getInstallAttemptFunnel({ query: attemptQuery(query) }),
    );
  }

  getInstallAttemptFailureGroups(query: InstallAttemptFilters = {}) {
    return json(
      this.api.getInstallAttemptFailureGroups({ query: attemptQuery(query) }),
    );
  }

  getInstallAttemptTrend(query: InstallAttemptFilters = {}) {
    return json(
      this.api.getInstallAttemptTrend({ query: attemptQuery(query) }),
    );
  }

  getTimeToInstallStats(query: TimeToInstallStatsQuery = {}) {
    return json(this.api.getTimeToInstallStats({ query }));
  }

  getAppAdoption(appSlug: string, query: AppAdoptionQuery = {}) {
    return json(this.api.getAppAdoption({ path: { appSlug }, query }));
  }

  getAppCustomerFigures(appSlug: string, query: AsOfQuery = {}) {
    return json(this.api.getAppCustomerFigures({ path: { appSlug }, query }));
  }

  listDataSources() {
    return json(this.api.listDataSources());
  }

  async exportCustomersCsv(query: AsOfQuery = {}) {
    return (await ok(this.api.exportCustomers({ query }))).blob();
  }

  async exportCustomerInstancesCsv(query: AsOfQuery = {}) {
    return (await ok(this.api.exportCustomersInstances({ query }))).blob();
  }

  async exportInstallAttemptsCsv(query: InstallAttemptFilters = {}) {
    return (
      await ok(this.api.exportInstallAttempts({ query: attemptQuery(query) }))
    ).blob();
  }

  getHelmInstructions(customerId: string) {
    return json(this.api.getHelmInstructions({ path: { customerId } }));
  }

  async downloadLicense(customerId: string): Promise<LicenseFile> {
    const response = await ok(
      this.api.downloadLicense({ path: { customerId } }),
    );
    const filename = filenameFromDisposition(
      response.headers.get('content-disposition'),
    );
    return {
      blob: await response.blob(),
      filename: filename ?? 'license.yaml',
    };
  }

  async generatePortalPassword(customerId: string) {
    // An empty body asks the backend to generate the password (200 with it);
    // only a chosen password is answered 204 without a body.
    const generated = await json(
      this.api.setDownloadPortalPassword({ path: { customerId }, body: {} }),
    );
    if (!generated) {
      throw new Error('The backend answered no generated password');
    }
    return generated;
  }

  async setPortalPassword(customerId: string, password: string) {
    await ok(
      this.api.setDownloadPortalPassword({
        path: { customerId },
        body: { password },
      }),
    );
  }

  setEnterprisePortal(customerId: string, enabled: boolean) {
    const body = { enabled };
    return json(this.api.setEnterprisePortal({ path: { customerId }, body }));
  }

  setInstanceArchived(instanceId: string, archived: boolean) {
    const body = { archived };
    return json(this.api.setInstanceArchived({ path: { instanceId }, body }));
  }

  invitePortalUser(customerId: string, email: string) {
    const body = { email };
    return json(this.api.invitePortalUser({ path: { customerId }, body }));
  }

  listAudit(customerId: string, query: CustomerAuditQuery = {}) {
    return json(this.api.listCustomerAudit({ path: { customerId }, query }));
  }

  listAlertRules() {
    return json(this.api.listAlertRules());
  }

  putAlertRule(ruleId: string, rule: AlertRuleInput) {
    return json(this.api.putAlertRule({ path: { ruleId }, body: rule }));
  }

  async deleteAlertRule(ruleId: string) {
    await ok(this.api.deleteAlertRule({ path: { ruleId } }));
  }

  muteAlertRule(ruleId: string, mute: PutAlertMuteRequest) {
    return json(this.api.putAlertMute({ path: { ruleId }, body: mute }));
  }

  async unmuteAlertRule(ruleId: string, subject?: string | null) {
    const query = { subject: subject ?? undefined };
    await ok(this.api.deleteAlertMute({ path: { ruleId }, query }));
  }

  listAlertDeliveries(query: AlertDeliveryQuery = {}) {
    return json(this.api.listAlertDeliveries({ query }));
  }
}
