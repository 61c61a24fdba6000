/* Test helpers of the customer list: a stubbed API and the list rendered
 * at a URL, as the router mounts it. */
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { useLocation } from 'react-router-dom';
import {
  CustomerAppList,
  CustomerListResponse,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerSummaryFixture } from '@customer-reporting/plugin-customer-reporting-common/testUtils';
import { CustomerReportingApi, customerReportingApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { CustomersContent } from '../components/CustomersPage/CustomersContent';

/** Where the app is, for tests of what navigates. */
function CurrentLocation() {
  return <output aria-label="location">{useLocation().pathname}</output>;
}

export function customer(overrides: Partial<CustomerSummary>): CustomerSummary {
  return customerSummaryFixture({ activeInstances: 2, ...overrides });
}

export function listOf(
  items: CustomerSummary[],
  totalCount = items.length,
  nextCursor: string | null = null,
): CustomerListResponse {
  return { items, totalCount, nextCursor };
}

export const APPS: CustomerAppList = {
  items: [
    {
      slug: 'app-a',
      name: 'App A',
      channels: [
        { slug: 'beta', name: 'Beta' },
        { slug: 'stable', name: 'Stable' },
      ],
    },
    { slug: 'app-b', name: 'App B', channels: [{ slug: 'lts', name: 'LTS' }] },
  ],
};

export async function renderPage(
  listCustomers: CustomerReportingApi['listCustomers'],
  url = '/customer-reporting',
) {
  const api: Partial<CustomerReportingApi> = {
    listCustomers: jest.fn(listCustomers),
    listApps: async () => APPS,
  };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [customerReportingApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <CustomersContent />
      <CurrentLocation />
    </TestApiProvider>,
    {
      routeEntries: [url],
      // Customer names link to their report, a sub-route of the root.
      mountedRoutes: { '/customer-reporting': rootRouteRef },
    },
  );
  return api.listCustomers as jest.Mock;
}
