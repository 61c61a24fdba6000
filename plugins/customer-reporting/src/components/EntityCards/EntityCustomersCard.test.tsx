import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  CustomerListResponse,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingApi } from '../../api';
import {
  customerSummaryFixture,
  instanceFixture,
  pending,
  renderWithApi,
  reportFixture,
  responseError,
} from '../../__testUtils__';
import { EntityCustomersCard } from './EntityCustomersCard';
import { MAX_REPORTS } from './useAppCustomers';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'nimbus-api',
    annotations: { 'customer-reporting/app': 'nimbus' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'nimbus-team' },
};

function summary(
  id: string,
  overrides: Partial<CustomerSummary> = {},
): CustomerSummary {
  return customerSummaryFixture({
    id,
    name: `Customer ${id}`,
    appSlug: 'nimbus',
    lastActiveAt: '2025-06-01T00:00:00Z',
    timeToInstallSeconds: 3600,
    ...overrides,
  });
}

/** A report per customer: `a` is current, `b` behind with poor uptime. */
function reportOf(id: string) {
  const report = reportFixture();
  report.customer = { ...report.customer, id, name: `Customer ${id}` };
  report.instances =
    id === 'b'
      ? [
          instanceFixture({
            appVersion: '2.9.0',
            versionsBehind: 3,
            uptime: { ratio: 0.91234, days: [] },
          }),
        ]
      : [instanceFixture({ appVersion: '2.11.0', versionsBehind: 0 })];
  return report;
}

async function renderCard(api: Partial<CustomerReportingApi>) {
  await renderWithApi(
    <EntityProvider entity={component}>
      <EntityCustomersCard />
    </EntityProvider>,
    api,
  );
}

describe('EntityCustomersCard', () => {
  it('summarises the customers of the app and links to each', async () => {
    const pages: CustomerListResponse[] = [
      {
        items: [summary('a'), summary('b', { status: 'degraded' })],
        totalCount: 3,
        nextCursor: 'p2',
      },
      {
        items: [
          summary('c', { status: null, activeInstances: 0, active: false }),
        ],
        totalCount: 3,
        nextCursor: null,
      },
    ];
    const listCustomers = jest
      .fn()
      .mockResolvedValueOnce(pages[0])
      .mockResolvedValueOnce(pages[1]);
    const getCustomerReport = jest.fn(async (id: string) => reportOf(id));
    await renderCard({ listCustomers, getCustomerReport });

    expect(
      await screen.findByText('3 customers run nimbus'),
    ).toBeInTheDocument();
    expect(listCustomers).toHaveBeenNthCalledWith(1, {
      appSlug: 'nimbus',
      limit: 50,
      cursor: undefined,
    });
    expect(listCustomers).toHaveBeenNthCalledWith(2, {
      appSlug: 'nimbus',
      limit: 50,
      cursor: 'p2',
    });
    // Only customers with active instances have versions worth reading.
    expect(getCustomerReport.mock.calls.map(c => c[0]).sort()).toEqual([
      'a',
      'b',
    ]);
    expect(
      screen.getByText('1 ready · 1 degraded · 1 without an active instance'),
    ).toBeInTheDocument();
    expect(screen.getByText('2.11.0 × 1')).toBeInTheDocument();
    expect(screen.getByText('2.9.0 × 1')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 customers')).toBeInTheDocument();
    expect(screen.getByText(/91\.23%/)).toBeInTheDocument();

    const table = screen.getByRole('table', {
      name: 'Customers running nimbus',
    });
    expect(
      within(table).getByRole('link', { name: 'Customer c' }),
    ).toHaveAttribute('href', '/customer-reporting/customers/c');
    expect(
      screen.getByRole('link', { name: 'View all 3 customers of nimbus' }),
    ).toHaveAttribute('href', '/customer-reporting?appSlug=nimbus');
  });

  it(`reads at most ${MAX_REPORTS} reports, the most recently active`, async () => {
    const items = Array.from({ length: 30 }, (_, i) =>
      summary(`c${i}`, {
        lastActiveAt: `2025-06-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
      }),
    );
    const getCustomerReport = jest.fn(async (id: string) => reportOf(id));
    await renderCard({
      listCustomers: async () => ({ items, totalCount: 30, nextCursor: null }),
      getCustomerReport,
    });

    expect(
      await screen.findByText('30 customers run nimbus'),
    ).toBeInTheDocument();
    expect(getCustomerReport).toHaveBeenCalledTimes(MAX_REPORTS);
    expect(getCustomerReport).toHaveBeenCalledWith('c29');
    expect(getCustomerReport).not.toHaveBeenCalledWith('c0');
  });

  it('reads naturally for a single customer', async () => {
    await renderCard({
      listCustomers: async () => ({
        items: [summary('a')],
        totalCount: 1,
        nextCursor: null,
      }),
      getCustomerReport: async (id: string) => reportOf(id),
    });

    expect(
      await screen.findByText('1 customer runs nimbus'),
    ).toBeInTheDocument();
  });

  it('says so when no customer runs the app', async () => {
    const getCustomerReport = jest.fn();
    await renderCard({
      listCustomers: async () => ({
        items: [],
        totalCount: 0,
        nextCursor: null,
      }),
      getCustomerReport,
    });

    expect(
      await screen.findByText('No customers run nimbus yet'),
    ).toBeInTheDocument();
    expect(getCustomerReport).not.toHaveBeenCalled();
  });

  it('shows progress while loading', async () => {
    await renderCard({ listCustomers: () => pending() });

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.getByText('Customers of nimbus')).toBeInTheDocument();
  });

  it('shows the error with Retry', async () => {
    const error = await responseError(500, 'Error', 'database is down');
    await renderCard({ listCustomers: () => Promise.reject(error) });

    expect(
      (await screen.findAllByText(/database is down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
