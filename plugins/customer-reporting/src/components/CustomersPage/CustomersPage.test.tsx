import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import {
  CustomerListResponse,
  CustomerSummary,
} from '@internal/plugin-customer-reporting-common';
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

async function renderPage(
  listCustomers: CustomerReportingApi['listCustomers'],
  url = '/customer-reporting',
) {
  const api: Partial<CustomerReportingApi> = {
    listCustomers: jest.fn(listCustomers),
  };
  await renderInTestApp(
    <TestApiProvider apis={[[customerReportingApiRef, api]]}>
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
          activeInstances: 0,
          timeToInstallSeconds: null,
        }),
        customer({
          id: 'c3',
          name: 'Initech',
          status: 'degraded',
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
    expect(screen.getByText('ops@acme.test')).toBeInTheDocument();
    expect(screen.getByText('Globex')).toBeInTheDocument();
    expect(screen.getByText('app-b')).toBeInTheDocument();
    expect(screen.getByText('Beta')).toBeInTheDocument();
    expect(screen.getByText('Trial')).toBeInTheDocument();
    expect(screen.getByText('Ready')).toBeInTheDocument();
    expect(screen.getByText('Degraded')).toBeInTheDocument();
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
      '/customer-reporting?search=acme&appSlug=app-a&licenseType=trial&active=false',
    );

    await screen.findByText('Acme');
    expect(listCustomers).toHaveBeenCalledWith({
      search: 'acme',
      appSlug: 'app-a',
      licenseType: 'trial',
      active: false,
      limit: 50,
    });
    expect(screen.getByLabelText('Search customers')).toHaveValue('acme');
  });

  it('ignores an unknown license type in the URL', async () => {
    const listCustomers = await renderPage(
      async () => listOf([customer({})]),
      '/customer-reporting?licenseType=gold',
    );

    await screen.findByText('Acme');
    expect(listCustomers.mock.calls[0][0].licenseType).toBeUndefined();
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
