import { createApiRef } from '@backstage/core-plugin-api';
import {
  CustomerListResponse,
  LicenseType,
} from '@internal/plugin-customer-reporting-common';

/**
 * Filters and paging of `GET /v1/customers`. Every field is optional; the
 * client only sends the ones that are set, so an empty object lists everyone.
 *
 * @public
 */
export interface CustomerListQuery {
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
}

/**
 * API reference of {@link CustomerReportingApi}.
 *
 * @public
 */
export const customerReportingApiRef = createApiRef<CustomerReportingApi>({
  id: 'plugin.customer-reporting.service',
});
