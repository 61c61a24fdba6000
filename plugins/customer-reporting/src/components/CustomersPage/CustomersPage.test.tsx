import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ResponseError } from '@backstage/errors';
import {
  CustomerAppList,
  CustomerListResponse,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingApi, customerReportingApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { customerSummaryFixture } from '../../__testUtils__';
import { CustomersPage } from './CustomersPage';

function customer(overrides: Partial<CustomerSummary>): CustomerSummary {
  return customerSummaryFixture({ activeInstances: 2, ...overrides });
}

function listOf(
  items: CustomerSummary[],
  totalCount = items.length,
  nextCursor: string | null = null,
): CustomerListResponse {
  return { items, totalCount, nextCursor };
}

// Rendering the full table with MUI selects is slow on a busy machine.
jest.setTimeout(30_000);

const APPS: CustomerAppList = {
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

async function renderPage(
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
      <CustomersPage />
    </TestApiProvider>,
    {
      routeEntries: [url],
      // Customer names link to their report, a sub-route of the root.
      mountedRoutes: { '/customer-reporting': rootRouteRef },
    },
  );
  return api.listCustomers as jest.Mock;
}

describe('CustomersPage', () => {
  it('renders a row per customer with formatted columns', async () => {
    const listCustomers = await renderPage(async () =>
      listOf([
        customer({ id: 'c1', name: 'Acme', email: 'ops@acme.test' }),
        customer({
          id: 'c2',
          name: 'Globex',
          appSlug: 'app-b',
          channelName: 'Beta',
          licenseType: 'trial',
          licenseTypeLabel: 'Trial',
          status: null,
          active: false,
          activeInstances: 0,
          timeToInstallSeconds: null,
        }),
        customer({
          id: 'c3',
          name: 'Initech',
          status: 'degraded',
          statusCounts: {
            ready: 0,
            updating: 0,
            degraded: 1,
            unavailable: 0,
            missing: 0,
          },
          timeToInstallSeconds: 9 * 86400 + 6 * 3600,
        }),
      ]),
    );

    expect(await screen.findByText('Acme')).toBeInTheDocument();
    // Each name links to the customer's report.
    expect(screen.getByRole('link', { name: 'Globex' })).toHaveAttribute(
      'href',
      '/customer-reporting/customers/c2',
    );
    // A long email is cut with an ellipsis; its title holds all of it.
    expect(screen.getByText('ops@acme.test')).toHaveAttribute(
      'title',
      'ops@acme.test',
    );
    expect(screen.getByText('Globex')).toBeInTheDocument();
    expect(screen.getByText('app-b')).toBeInTheDocument();
    expect(screen.getByText('Beta')).toBeInTheDocument();
    expect(screen.getByText('Trial')).toBeInTheDocument();
    expect(screen.getByText('Ready')).toBeInTheDocument();
    expect(screen.getByText('Degraded')).toBeInTheDocument();
    expect(screen.getByText('1 degraded')).toBeInTheDocument();
    expect(screen.getAllByText('2 active')).toHaveLength(2);
    expect(screen.getByText('0 active')).toBeInTheDocument();
    expect(screen.getByText('No active instance')).toBeInTheDocument();
    expect(screen.getByText('1 h 30 min')).toBeInTheDocument();
    expect(screen.getByText('9 d 6 h')).toBeInTheDocument();
    expect(screen.getByText('Not installed')).toBeInTheDocument();
    expect(screen.getByText('3 customers')).toBeInTheDocument();
    expect(screen.getByText('Showing 3 of 3')).toBeInTheDocument();
    // Nothing more to load without a cursor.
    expect(screen.queryByText('Load more')).not.toBeInTheDocument();
    expect(listCustomers).toHaveBeenCalledTimes(1);
    expect(listCustomers).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 50 }),
    );
  });

  it('passes the filters of the URL query string to the API', async () => {
    const listCustomers = await renderPage(
      async () => listOf([customer({})]),
      '/customer-reporting?search=acme&appSlug=app-a&channelSlug=beta&licenseType=trial&status=missing&active=false&sort=lastActiveAt&order=desc',
    );

    await screen.findByText('Acme');
    expect(listCustomers).toHaveBeenCalledWith({
      search: 'acme',
      appSlug: 'app-a',
      channelSlug: 'beta',
      licenseType: 'trial',
      status: 'missing',
      active: false,
      sort: 'lastActiveAt',
      order: 'desc',
      limit: 50,
    });
    expect(screen.getByLabelText('Search customers')).toHaveValue('acme');
  });

  it('ignores unknown license types, statuses and sorts in the URL', async () => {
    const listCustomers = await renderPage(
      async () => listOf([customer({})]),
      '/customer-reporting?licenseType=gold&status=fine&sort=size&order=up',
    );

    await screen.findByText('Acme');
    expect(listCustomers.mock.calls[0][0]).toMatchObject({
      licenseType: undefined,
      status: undefined,
      sort: 'name',
      order: 'asc',
    });
  });

  it('shows the worst status with counts, instances with air gap apart, and badges', async () => {
    await renderPage(async () =>
      listOf([
        customer({
          id: 'c1',
          name: 'Acme',
          status: 'missing',
          statusCounts: {
            ready: 2,
            updating: 0,
            degraded: 0,
            unavailable: 0,
            missing: 1,
          },
          activeInstances: 2,
          airgapInstances: 1,
          expiresAt: '2025-07-01T00:00:00Z',
          expiringSoon: true,
        }),
        customer({
          id: 'c2',
          name: 'Globex',
          expired: true,
          archived: true,
          status: null,
          active: false,
          activeInstances: 0,
        }),
        // An air gap instance that never reported a status.
        customer({
          id: 'c3',
          name: 'Initech',
          status: null,
          activeInstances: 0,
          airgapInstances: 1,
        }),
      ]),
    );

    await screen.findByText('Acme');
    // Not "Ready": one missing instance among ready ones shows.
    expect(screen.getByRole('img', { name: 'Status: Missing' })).toBeVisible();
    expect(screen.getByText('2 ready · 1 missing')).toBeInTheDocument();
    expect(screen.getAllByText('1 air gap')).toHaveLength(2);
    expect(
      screen.getByRole('img', { name: /^License expires on / }),
    ).toHaveTextContent('Expires soon');
    expect(
      screen.getByRole('img', { name: /^License expired on / }),
    ).toHaveTextContent('Expired');
    expect(
      screen.getByRole('img', { name: 'Archived customer' }),
    ).toHaveTextContent('Archived');
    expect(screen.getByText('No active instance')).toBeInTheDocument();
    expect(screen.getByText('No status reported')).toBeInTheDocument();
    // Badges sit beside the link, whose name stays the customer's name.
    expect(screen.getByRole('link', { name: 'Acme' })).toBeInTheDocument();
  });

  it('sorts on the backend from the column headers, a second click reversing', async () => {
    const listCustomers = await renderPage(async () => listOf([customer({})]));
    await screen.findByText('Acme');

    await userEvent.click(screen.getByRole('button', { name: 'Health' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'status', order: 'asc' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Health' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'status', order: 'desc' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Last active' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'lastActiveAt', order: 'asc' }),
    );
  });

  it('filters by app and channel from selects of known ones, and by health', async () => {
    const listCustomers = await renderPage(async () => listOf([customer({})]));
    await screen.findByText('Acme');

    await userEvent.click(screen.getByLabelText('App'));
    await userEvent.click(await screen.findByRole('option', { name: 'App B' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ appSlug: 'app-b' }),
    );
    // The channel select offers the chosen app's channels only.
    await userEvent.click(screen.getByLabelText('Channel'));
    expect(screen.queryByRole('option', { name: 'Beta' })).toBeNull();
    await userEvent.click(screen.getByRole('option', { name: 'LTS' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ appSlug: 'app-b', channelSlug: 'lts' }),
    );

    await userEvent.click(screen.getByLabelText('Health'));
    await userEvent.click(
      screen.getByRole('option', { name: 'Missing (worst)' }),
    );
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ status: 'missing' }),
    );
  });

  it('refetches with the typed search once typing pauses', async () => {
    const listCustomers = await renderPage(async query =>
      listOf([customer({ name: query?.search ? 'Filtered' : 'Acme' })]),
    );
    await screen.findByText('Acme');

    fireEvent.change(screen.getByLabelText('Search customers'), {
      target: { value: 'glob' },
    });

    expect(await screen.findByText('Filtered')).toBeInTheDocument();
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ search: 'glob' }),
    );
  });

  it('appends the next page on "Load more" using the cursor', async () => {
    const listCustomers = await renderPage(async query =>
      query?.cursor === 'page-2'
        ? listOf([customer({ id: 'c2', name: 'Globex' })], 2, null)
        : listOf([customer({ id: 'c1', name: 'Acme' })], 2, 'page-2'),
    );
    await screen.findByText('Acme');
    expect(screen.getByText('Showing 1 of 2')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('Globex')).toBeInTheDocument();
    expect(screen.getByText('Acme')).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2')).toBeInTheDocument();
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'page-2', limit: 50 }),
    );
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('shows the empty state when there are no customers', async () => {
    await renderPage(async () => listOf([]));

    expect(await screen.findByText('No customers')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('offers to clear filters when filters leave nothing', async () => {
    const listCustomers = await renderPage(
      async query => listOf(query?.search ? [] : [customer({})]),
      '/customer-reporting?search=nobody',
    );
    expect(await screen.findByText('No customers')).toBeInTheDocument();
    expect(
      screen.getByText('No customer matches these filters.'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[1],
    );

    expect(await screen.findByText('Acme')).toBeInTheDocument();
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ search: '' }),
    );
  });

  it('shows the error panel when the request fails, and retries', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'ServiceUnavailableError', message: 'database down' },
          response: { statusCode: 503 },
        }),
        { status: 503, headers: { 'content-type': 'application/json' } },
      ),
    );
    let fail = true;
    await renderPage(async () => {
      if (fail) throw error;
      return listOf([customer({})]);
    });

    expect(
      await screen.findByText('503: ServiceUnavailableError'),
    ).toBeInTheDocument();
    expect(screen.getByText('database down')).toBeInTheDocument();

    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Acme')).toBeInTheDocument();
  });
});
