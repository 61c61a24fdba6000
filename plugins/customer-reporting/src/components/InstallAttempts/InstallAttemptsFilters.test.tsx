import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import { alertApiRef } from '@backstage/core-plugin-api';
import { TestApiProvider } from '@backstage/test-utils';
import {
  pending,
  renderWithApi,
  stubDownloads,
  withFixedTimeZone,
} from '../../__testUtils__';
import { CustomerReportingRouter } from '../Router';
import { attemptPage, auditApi } from './testData';

/** Shows where the app is, so tests can read the URL the page wrote. */
function Location() {
  const { pathname, search } = useLocation();
  return <output aria-label="location">{`${pathname}${search}`}</output>;
}

async function renderAt(path: string, api = auditApi()) {
  await renderWithApi(
    <TestApiProvider apis={[[alertApiRef, { post: jest.fn() }]]}>
      <Routes>
        <Route
          path="/customer-reporting/*"
          element={<CustomerReportingRouter />}
        />
      </Routes>
      <Location />
    </TestApiProvider>,
    api,
    [path],
  );
  return api;
}

// hidden: an open select menu hides the rest of the page from the a11y tree.
const location = () =>
  screen.getByRole('status', { name: 'location', hidden: true });
const PAGE = '/customer-reporting/install-attempts';

describe('InstallAttemptsPage filters, sorting and paging', () => {
  withFixedTimeZone();

  it('reads the filters from the URL and sends them to every figure', async () => {
    const api = await renderAt(
      `${PAGE}?status=failed,stalled,bogus&installType=helm&registry=nope&from=2025-06-01&to=2025-06-30`,
    );

    await screen.findByRole('table', { name: 'Install attempts' });
    // Unknown values are dropped; dates are whole days in the viewer's zone.
    const expected = {
      status: ['failed', 'stalled'],
      installType: 'helm',
      from: '2025-06-01T04:00:00.000Z',
      to: '2025-07-01T04:00:00.000Z',
    };
    for (const method of [
      api.getInstallAttemptSummary,
      api.getInstallAttemptFunnel,
      api.getInstallAttemptFailureGroups,
      api.getInstallAttemptTrend,
    ]) {
      expect(method).toHaveBeenCalledWith(
        expect.objectContaining({ ...expected, registry: undefined }),
      );
    }
    expect(api.listInstallAttempts).toHaveBeenCalledWith(
      expect.objectContaining({
        ...expected,
        sort: 'startedAt',
        order: 'desc',
      }),
    );
    expect(screen.getByLabelText('Status')).toHaveTextContent(
      'Failed, Stalled',
    );
  });

  it('writes chosen filters to the URL and clears them', async () => {
    const api = await renderAt(PAGE);
    await screen.findByRole('table', { name: 'Install attempts' });

    fireEvent.mouseDown(screen.getByLabelText('Network mode'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Air gap' }),
    );
    await userEvent.type(screen.getByLabelText('K8s distribution'), 'eks');

    await waitFor(() =>
      expect(location()).toHaveTextContent(
        `${PAGE}?networkMode=airgap&k8sDistribution=eks`,
      ),
    );
    await waitFor(() =>
      expect(api.getInstallAttemptSummary).toHaveBeenLastCalledWith(
        expect.objectContaining({
          networkMode: 'airgap',
          k8sDistribution: 'eks',
        }),
      ),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );

    expect(location()).toHaveTextContent(new RegExp(`^${PAGE}$`));
    expect(api.listInstallAttempts).toHaveBeenLastCalledWith(
      expect.objectContaining({
        networkMode: undefined,
        k8sDistribution: undefined,
      }),
    );
    expect(screen.getByLabelText('K8s distribution')).toHaveValue('');
  });

  it('picks several statuses', async () => {
    await renderAt(PAGE);
    await screen.findByRole('table', { name: 'Install attempts' });

    fireEvent.mouseDown(screen.getByLabelText('Status'));
    const listbox = await screen.findByRole('listbox');
    await userEvent.click(within(listbox).getByText('Failed'));
    await userEvent.click(within(listbox).getByText('Stalled'));

    expect(location()).toHaveTextContent(`${PAGE}?status=failed%2Cstalled`);
  });

  it('sorts on the backend when a header is clicked', async () => {
    const api = await renderAt(PAGE);
    await screen.findByRole('table', { name: 'Install attempts' });

    await userEvent.click(screen.getByRole('button', { name: 'Customer' }));
    await waitFor(() =>
      expect(api.listInstallAttempts).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'customer', order: 'asc' }),
      ),
    );
    expect(location()).toHaveTextContent('sort=customer&order=asc');

    await userEvent.click(screen.getByRole('button', { name: 'Customer' }));
    await waitFor(() =>
      expect(api.listInstallAttempts).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'customer', order: 'desc' }),
      ),
    );
    expect(
      screen.getByRole('button', { name: /^Customer/ }).closest('th'),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  it('appends the next page with "Load more"', async () => {
    const api = auditApi({
      listInstallAttempts: jest.fn(async query =>
        query?.cursor
          ? attemptPage(['Initech'], 3)
          : attemptPage(['Acme Corp', 'Globex'], 3, 'c2'),
      ),
    });
    await renderAt(PAGE, api);

    expect(await screen.findByText('Showing 2 of 3')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('Initech')).toBeInTheDocument();
    expect(api.listInstallAttempts).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'c2', limit: 50 }),
    );
    expect(screen.getByText('Showing 3 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('opens the customer report from a row', async () => {
    await renderAt(PAGE, auditApi({ getCustomerReport: pending }));
    const table = await screen.findByRole('table', {
      name: 'Install attempts',
    });

    await userEvent.click(within(table).getAllByText('Proxy')[1]);

    expect(location()).toHaveTextContent('/customer-reporting/customers/cus_2');
  });

  it('exports exactly the filtered set', async () => {
    const downloads = stubDownloads();
    const api = await renderAt(`${PAGE}?status=failed&os=ubuntu`);
    await screen.findByRole('table', { name: 'Install attempts' });

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(api.exportInstallAttemptsCsv).toHaveBeenCalledWith(
      expect.objectContaining({ status: ['failed'], os: 'ubuntu' }),
    );
    expect(downloads.saved().map(a => a.download)).toEqual([
      'install-attempts.csv',
    ]);
    downloads.restore();
  });

  it('groups time to install as chosen, kept in the URL', async () => {
    const api = await renderAt(PAGE);
    await screen.findByRole('table', { name: 'Time to install' });

    await userEvent.click(screen.getByRole('button', { name: 'Channel' }));

    expect(api.getTimeToInstallStats).toHaveBeenLastCalledWith({
      groupBy: 'channel',
    });
    expect(location()).toHaveTextContent(`${PAGE}?groupBy=channel`);
  });

  it('filters the page to a failure group when it is clicked', async () => {
    const api = await renderAt(PAGE);
    const table = await screen.findByRole('table', { name: 'Failure groups' });

    await userEvent.click(
      within(table).getByRole('button', {
        name: /^Show the 3 failed attempts/,
      }),
    );

    expect(location()).toHaveTextContent(
      `${PAGE}?status=failed&step=images-pulled&reason=imagepullbackoff%3A+manifest+%3Cvalue%3E+unknown`,
    );
    await waitFor(() =>
      expect(api.listInstallAttempts).toHaveBeenLastCalledWith(
        expect.objectContaining({
          status: ['failed'],
          step: 'images-pulled',
          reason: 'imagepullbackoff: manifest <value> unknown',
        }),
      ),
    );
    // The filter shows, and goes away with its chip.
    const chip = screen.getByText(
      'Failure group: Images pulled · imagepullbackoff: manifest <value> unknown',
    );
    expect(chip).toBeInTheDocument();
  });

  it('lists app versions in version order, not text order', async () => {
    const group = (key: string) => ({
      key,
      customers: 1,
      license: { median: 60, p90: 60 },
      instance: { median: 60, p90: 60 },
    });
    await renderAt(
      `${PAGE}?groupBy=appVersion`,
      auditApi({
        getTimeToInstallStats: jest.fn(async () => ({
          groups: ['2.10.0', '2.6.1', '2.9.0'].map(group),
        })),
      }),
    );

    const table = await screen.findByRole('table', { name: 'Time to install' });
    const firstCells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[0].textContent);
    expect(firstCells).toEqual(['2.6.1', '2.9.0', '2.10.0']);
  });

  it('switches between the customer list and the attempts with tabs', async () => {
    await renderAt(
      '/customer-reporting',
      auditApi({
        listCustomers: async () => ({
          items: [],
          totalCount: 0,
          nextCursor: null,
        }),
      }),
    );

    await userEvent.click(
      await screen.findByRole('tab', { name: 'Install attempts' }),
    );

    expect(location()).toHaveTextContent(PAGE);
    expect(
      await screen.findByRole('table', { name: 'Install attempts' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Install attempts' }),
    ).toHaveAttribute('aria-selected', 'true');
  });
});
