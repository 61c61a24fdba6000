import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  detailsFixture,
  renderWithApi,
  reportFixture,
  responseError,
  uptimeFixture,
} from '../../__testUtils__';
import { customerSummaryFixture } from '@customer-reporting/plugin-customer-reporting-common/testUtils';
import { CustomerReportingApi } from '../../api';
import {
  CustomerReportingContentRouter,
  CustomerReportingRouter,
} from './CustomerReportingRouter';

const api: Partial<CustomerReportingApi> = {
  listCustomers: async () => ({
    items: [
      customerSummaryFixture({
        name: 'Acme Corp',
        appSlug: 'nimbus',
        createdAt: '2025-04-01T00:00:00Z',
      }),
    ],
    totalCount: 1,
    nextCursor: null,
  }),
  listApps: async () => ({ items: [] }),
  getCustomerReport: async () => reportFixture(),
  getInstance: async () => detailsFixture(),
  getInstanceUptime: async () => uptimeFixture(),
  listInstanceEvents: async () => ({ items: [], nextCursor: null }),
};

/**
 * For waits on a whole page's first render: the report page takes about
 * 0.9 s to show its header on a 2-core machine at load 5 (a role query over
 * it alone takes 0.17 s), so the 1 s default of findBy fails as soon as
 * the machine is busy, though nothing is stuck.
 */
const PAGE_RENDER = { timeout: 10_000 };

/** The router mounted like the app does, below /customer-reporting. */
async function renderRouter(
  path: string,
  overrides: Partial<CustomerReportingApi> = {},
  router = <CustomerReportingRouter />,
) {
  await renderWithApi(
    <Routes>
      <Route path="/customer-reporting/*" element={router} />
    </Routes>,
    { ...api, ...overrides },
    [path],
  );
}

describe('CustomerReportingRouter', () => {
  it('goes from the list to a customer and on to an instance', async () => {
    await renderRouter('/customer-reporting');

    // A click anywhere on the row opens the report (the name is a link too).
    await userEvent.click(await screen.findByText('nimbus', {}, PAGE_RENDER));

    // The report page: its header names the customer and links back.
    expect(
      await screen.findByRole('heading', { name: 'Acme Corp' }, PAGE_RENDER),
    ).toBeInTheDocument();
    expect(screen.getByText('nimbus · Stable · Paid')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Customers' })).toHaveAttribute(
      'href',
      '/customer-reporting',
    );

    await userEvent.click(screen.getByText('eu-west-1'));

    expect(
      await screen.findByRole('heading', { name: 'prod-eu' }, PAGE_RENDER),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Acme Corp' })).toHaveAttribute(
      'href',
      '/customer-reporting/customers/cus_1',
    );
    expect(
      await screen.findByText('No events yet', {}, PAGE_RENDER),
    ).toBeInTheDocument();
    // Three full pages in one test: about 5 s alone, three times that on a
    // busy CI (load 9), so it keeps setupTests.ts's 30 s per test.
  });

  it('shows install attempts only with the Enterprise Portal, as Replicated does', async () => {
    await renderRouter('/customer-reporting/customers/cus_1');
    expect(await screen.findByText('Manage customer')).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Install attempts' }),
    ).not.toBeInTheDocument();
  });

  it('shows the install attempts of an Enterprise Portal customer', async () => {
    const report = reportFixture();
    report.customer.enterprisePortalEnabled = true;
    report.portal = {
      kind: 'enterprise',
      url: 'https://portal.example.com/cus_1',
      status: 'accessed',
      lastAccessedAt: null,
      users: [],
      serviceAccounts: 0,
      supportBundles: 0,
      installAttempts: 1,
      delivery: { firstAccessAt: null, firstPullAt: null, latestPullAt: null },
    };
    await renderRouter('/customer-reporting/customers/cus_1', {
      getCustomerReport: async () => report,
    });
    expect(
      await screen.findByRole('table', { name: 'Install attempts' }),
    ).toBeInTheDocument();
  });

  it('shows "Customer not found" for an unknown customer, without Retry', async () => {
    const error = await responseError(404, 'NotFoundError', 'no customer x');
    await renderRouter('/customer-reporting/customers/x', {
      getCustomerReport: async () => {
        throw error;
      },
    });

    expect(await screen.findByText('Customer not found')).toBeInTheDocument();
    // The id from the address, so a mistyped link can be spotted.
    expect(screen.getByText(/No customer has the id "x"/)).toBeInTheDocument();
    // A link styled as a button, back to the list.
    expect(
      screen.getByRole('button', { name: 'All customers' }).closest('a'),
    ).toHaveAttribute('href', '/customer-reporting');
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Manage customer')).not.toBeInTheDocument();
  });

  it('replaces the report grid with one error and Retry when the backend fails', async () => {
    const error = await responseError(500, 'Error', 'database down');
    await renderRouter('/customer-reporting/customers/x', {
      getCustomerReport: async () => {
        throw error;
      },
    });

    expect(
      await screen.findByText(/Could not load the customer report/),
    ).toBeInTheDocument();
    expect(screen.getAllByText('database down')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.queryByText('Manage customer')).not.toBeInTheDocument();
  });

  it.each([
    ['customer', '/customer-reporting/customers/cus_9', 'the customer "cus_9"'],
    ['instance', '/customer-reporting/instances/ins_9', 'the instance "ins_9"'],
  ])(
    'says "Not allowed" when the backend refuses the %s, without Retry or a stack',
    async (_, path, what) => {
      const error = await responseError(
        403,
        'NotAllowedError',
        'Not allowed: customer-reporting.customer.read on customer cus_9',
      );
      const refuse = async () => {
        throw error;
      };
      await renderRouter(path, {
        getCustomerReport: refuse,
        getInstance: refuse,
      });

      expect(await screen.findByText('Not allowed')).toBeInTheDocument();
      // What was refused and the permission the backend named.
      expect(
        screen.getByText(
          new RegExp(
            `You may not see ${what}.*customer-reporting.customer.read on customer cus_9`,
          ),
        ),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Retry' }),
      ).not.toBeInTheDocument();
      expect(screen.queryByText('Stack Trace')).not.toBeInTheDocument();
    },
  );

  it('shows "Instance not found" for an unknown instance', async () => {
    const error = await responseError(404, 'NotFoundError', 'no instance y');
    await renderRouter('/customer-reporting/instances/y', {
      getInstance: async () => {
        throw error;
      },
    });

    expect(await screen.findByText('Instance not found')).toBeInTheDocument();
    expect(screen.getByText(/No instance has the id "y"/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Current state')).not.toBeInTheDocument();
  });

  it('has a Data sources tab beside the customer list', async () => {
    await renderRouter('/customer-reporting', {
      listDataSources: async () => ({ items: [] }),
    });

    await userEvent.click(
      await screen.findByRole('tab', { name: 'Data sources' }),
    );

    expect(
      await screen.findByText(/No data sources are configured/),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Data sources' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('shows a 404 page for unknown paths', async () => {
    await renderRouter('/customer-reporting/nope');

    expect(
      await screen.findByText(
        'ERROR 404: This customer reporting page does not exist',
      ),
    ).toBeInTheDocument();
  });

  it('renders the same pages without page headers for the new frontend system', async () => {
    await renderRouter(
      '/customer-reporting/customers/cus_1',
      {},
      <CustomerReportingContentRouter />,
    );

    // The customer name as a content header, no page header with breadcrumbs.
    expect(
      await screen.findByRole('heading', { name: 'Acme Corp' }, PAGE_RENDER),
    ).toBeInTheDocument();
    expect(screen.getByText('Manage customer')).toBeInTheDocument();
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
    expect(
      screen.queryByText('nimbus · Stable · Paid'),
    ).not.toBeInTheDocument();
  });
});
