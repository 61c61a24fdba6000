import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { customer, listOf, renderPage } from '../../__testUtils__/customerList';

// Rendering the full table with MUI selects is slow on a busy machine.
jest.setTimeout(30_000);

describe('CustomersContent', () => {
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

  it('keeps the rows, dimmed and busy, while another sort loads', async () => {
    let answer: (list: ReturnType<typeof listOf>) => void = () => {};
    await renderPage(query =>
      query?.sort === 'status'
        ? new Promise(resolve => (answer = resolve))
        : Promise.resolve(listOf([customer({ id: 'c1', name: 'Acme' })])),
    );
    const table = await screen.findByRole('table', { name: 'Customers' });
    expect(table).toHaveAttribute('aria-busy', 'false');
    // Not even a hidden one: a page counts as loading while it has one.
    expect(
      screen.queryByRole('progressbar', { hidden: true }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Health' }));

    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(
      screen.getByRole('progressbar', { name: 'Loading customers' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Acme')).toBeInTheDocument();

    answer(listOf([customer({ id: 'c2', name: 'Globex' })]));

    expect(await screen.findByText('Globex')).toBeInTheDocument();
    expect(screen.queryByText('Acme')).not.toBeInTheDocument();
    expect(table).toHaveAttribute('aria-busy', 'false');
    expect(
      screen.queryByRole('progressbar', { hidden: true }),
    ).not.toBeInTheDocument();
  });

  it('opens the report when a row is clicked outside its link', async () => {
    await renderPage(async () =>
      listOf([customer({ id: 'c2', name: 'Globex', appSlug: 'app-b' })]),
    );
    await userEvent.click(await screen.findByText('app-b'));

    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(
      '/customer-reporting/customers/c2',
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

  it('says "Not allowed" without Retry when the backend refuses the list', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'Not allowed: customer-reporting.customer.read',
          },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'content-type': 'application/json' } },
      ),
    );
    await renderPage(async () => {
      throw error;
    });

    expect(await screen.findByText('Not allowed')).toBeInTheDocument();
    expect(
      screen.getByText(/customer-reporting\.customer\.read/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
  });
});
