import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  AppCustomerFigures,
  CustomerListResponse,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerSummaryFixture } from '@customer-reporting/plugin-customer-reporting-common/testUtils';
import { CustomerReportingApi } from '../../api';
import { pending, renderWithApi, responseError } from '../../__testUtils__';
import { EntityCustomersCard } from './EntityCustomersCard';

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

/** The app-wide figures: `a` is current, `b` behind with poor uptime. */
const FIGURES: AppCustomerFigures = {
  appSlug: 'nimbus',
  asOf: '2025-06-02T00:00:00.000Z',
  customers: 3,
  activeCustomers: 2,
  versions: [
    { version: '2.11.0', instances: 1 },
    { version: '2.9.0', instances: 1 },
  ],
  customersBehind: 1,
  worstUptime: {
    customerId: 'b',
    customerName: 'Customer b',
    instanceId: 'ins_b',
    ratio: 0.91234,
  },
};
const getAppCustomerFigures = async () => FIGURES;

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
    const figures = jest.fn(getAppCustomerFigures);
    await renderCard({ listCustomers, getAppCustomerFigures: figures });

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
    // Versions, behind and uptime of every customer in one request.
    expect(figures).toHaveBeenCalledTimes(1);
    expect(figures).toHaveBeenCalledWith('nimbus');
    expect(
      screen.getByText('1 ready · 1 degraded · 1 without an active instance'),
    ).toBeInTheDocument();
    expect(screen.getByText('2.11.0 × 1')).toBeInTheDocument();
    expect(screen.getByText('2.9.0 × 1')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 active customers')).toBeInTheDocument();
    expect(screen.getByText(/91\.23%/)).toBeInTheDocument();
    // The worst uptime links to its customer (as does the customer's row).
    expect(
      screen
        .getAllByRole('link', { name: 'Customer b' })
        .map(link => link.getAttribute('href')),
    ).toEqual([
      '/customer-reporting/customers/b',
      '/customer-reporting/customers/b',
    ]);

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

  it('reads no customer report, however many customers there are', async () => {
    const items = Array.from({ length: 30 }, (_, i) => summary(`c${i}`));
    const getCustomerReport = jest.fn();
    await renderCard({
      listCustomers: async () => ({ items, totalCount: 30, nextCursor: null }),
      getCustomerReport,
      getAppCustomerFigures,
    });

    expect(
      await screen.findByText('30 customers run nimbus'),
    ).toBeInTheDocument();
    expect(screen.getByText('2.11.0 × 1')).toBeInTheDocument();
    expect(getCustomerReport).not.toHaveBeenCalled();
  });

  it('still lists the customers when the figures fail', async () => {
    const error = await responseError(500, 'Error', 'figures failed');
    await renderCard({
      listCustomers: async () => ({
        items: [summary('a')],
        totalCount: 1,
        nextCursor: null,
      }),
      getAppCustomerFigures: () => Promise.reject(error),
    });

    expect(
      await screen.findByText('Versions and uptime could not be loaded'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Customer a' }),
    ).toBeInTheDocument();
  });

  it('reads naturally for a single customer', async () => {
    await renderCard({
      listCustomers: async () => ({
        items: [summary('a')],
        totalCount: 1,
        nextCursor: null,
      }),
      getAppCustomerFigures,
    });

    expect(
      await screen.findByText('1 customer runs nimbus'),
    ).toBeInTheDocument();
  });

  it('says so when no customer runs the app', async () => {
    await renderCard({
      listCustomers: async () => ({
        items: [],
        totalCount: 0,
        nextCursor: null,
      }),
      getAppCustomerFigures: async () => ({
        ...FIGURES,
        customers: 0,
        activeCustomers: 0,
        versions: [],
        customersBehind: 0,
        worstUptime: null,
      }),
    });

    expect(
      await screen.findByText('No customers run nimbus yet'),
    ).toBeInTheDocument();
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
