import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CustomerListResponse } from '@internal/plugin-customer-reporting-common';
import {
  CustomerListQuery,
  CustomerReportingApi,
} from './CustomerReportingApi';

/** Values a query parameter may take before it is serialised. */
type QueryValue = string | number | boolean | null | undefined;

/**
 * HTTP implementation of {@link CustomerReportingApi}, modelled on the
 * notifications plugin's client.
 *
 * @remarks
 * Every read route goes through the private `get` helper, so adding the
 * report, instance, uptime and event routes later is one short method each.
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
    return this.get<CustomerListResponse>('/v1/customers', {
      search: query.search,
      appSlug: query.appSlug,
      channelSlug: query.channelSlug,
      licenseType: query.licenseType,
      active: query.active,
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  /**
   * GETs a path below the plugin's base URL and parses the JSON answer.
   *
   * Empty values are dropped rather than sent as `?search=`: the contract
   * asks for set parameters only, which also keeps URLs short and logs clean.
   * Non-2xx answers become a ResponseError carrying the backend's error body,
   * which ResponseErrorPanel knows how to display.
   */
  private async get<T>(
    path: string,
    query: Record<string, QueryValue> = {},
  ): Promise<T> {
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

    const response = await this.fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
