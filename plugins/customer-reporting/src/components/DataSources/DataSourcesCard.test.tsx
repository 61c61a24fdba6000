import { screen, within } from '@testing-library/react';
import { DataSourceStatus } from '@customer-reporting/plugin-customer-reporting-common';
import {
  pending,
  renderWithApi,
  responseError,
  cellUnder,
  setWindowWidth,
  shownText,
  tableColumns,
  withFixedTimeZone,
} from '../../__testUtils__';
import { DataSourcesCard } from './DataSourcesCard';

const never: DataSourceStatus = {
  id: 'crm',
  state: 'never-run',
  lastStartedAt: null,
  lastSucceededAt: null,
  lastFailedAt: null,
  lastError: null,
  counts: null,
};
const failed: DataSourceStatus = {
  id: 'replicated',
  state: 'failed',
  lastStartedAt: '2024-07-02T12:00:00.000Z',
  lastSucceededAt: '2024-07-02T11:30:00.000Z',
  lastFailedAt: '2024-07-02T12:00:05.000Z',
  lastError: 'ResponseError: Request failed with 503 Service Unavailable',
  counts: { customers: 5, checkInsTooOld: 2 },
};

describe('DataSourcesCard', () => {
  withFixedTimeZone();

  it('shows a source that never synced and one whose last sync failed', async () => {
    await renderWithApi(<DataSourcesCard />, {
      listDataSources: async () => ({ items: [never, failed] }),
    });

    const table = await screen.findByRole('table', { name: 'Data sources' });
    const [, crm, replicated] = within(table).getAllByRole('row');
    expect(
      within(crm).getByRole('img', { name: 'Sync state: Never synced' }),
    ).toBeInTheDocument();
    expect(within(crm).getAllByText('Never')).toHaveLength(2);
    expect(
      within(replicated).getByRole('img', { name: 'Sync state: Failed' }),
    ).toBeInTheDocument();
    expect(
      within(replicated).getByText(
        'ResponseError: Request failed with 503 Service Unavailable',
      ),
    ).toBeInTheDocument();
    expect(
      within(replicated).getByText('customers: 5 · check ins too old: 2'),
    ).toBeInTheDocument();
  });

  it.each([
    // 768 px beside the open sidebar leaves the table about 500 px.
    [768, ['Source', 'State', 'Last success', 'Last error']],
    [
      1280,
      ['Source', 'State', 'Last success', 'Last run', 'Figures', 'Last error'],
    ],
  ])('at %i px shows the columns %j, a cell each', async (width, headers) => {
    const restore = setWindowWidth(width);
    try {
      await renderWithApi(<DataSourcesCard />, {
        listDataSources: async () => ({ items: [never, failed] }),
      });
      const table = await screen.findByRole('table', { name: 'Data sources' });
      expect(tableColumns(table)).toEqual({
        headers,
        cellCounts: [headers.length, headers.length],
      });
    } finally {
      restore();
    }
  });

  it('at 768 px shows the last run under the last success and the figures under the source', async () => {
    const restore = setWindowWidth(768);
    try {
      await renderWithApi(<DataSourcesCard />, {
        listDataSources: async () => ({ items: [never, failed] }),
      });
      const table = await screen.findByRole('table', { name: 'Data sources' });
      const [, crm, replicated] = within(table).getAllByRole('row');
      expect(
        within(cellUnder(table, replicated, 'Source')).getByText(
          'customers: 5 · check ins too old: 2',
        ),
      ).toBeInTheDocument();
      // The last run's time, after its label (relative text varies).
      const lastSuccess = cellUnder(table, replicated, 'Last success');
      expect(shownText(lastSuccess)).toMatch(/ago.*Last run: .*ago$/);
      expect(
        lastSuccess.querySelector('time[datetime="2024-07-02T12:00:00.000Z"]'),
      ).not.toBeNull();
      // A source that never ran has neither: no empty lines.
      expect(cellUnder(table, crm, 'Source').textContent).toBe('crm');
      expect(cellUnder(table, crm, 'Last success').textContent).toBe('Never');
    } finally {
      restore();
    }
  });

  it('at 1280 px shows the last run and the figures in their own columns only', async () => {
    const restore = setWindowWidth(1280);
    try {
      await renderWithApi(<DataSourcesCard />, {
        listDataSources: async () => ({ items: [never, failed] }),
      });
      const table = await screen.findByRole('table', { name: 'Data sources' });
      const [, , replicated] = within(table).getAllByRole('row');
      expect(cellUnder(table, replicated, 'Source').textContent).toBe(
        'replicated',
      );
      expect(cellUnder(table, replicated, 'Figures').textContent).toBe(
        'customers: 5 · check ins too old: 2',
      );
      expect(within(table).queryByText(/^Last run: /)).not.toBeInTheDocument();
    } finally {
      restore();
    }
  });

  it('says so when no source is configured', async () => {
    await renderWithApi(<DataSourcesCard />, {
      listDataSources: async () => ({ items: [] }),
    });
    expect(
      await screen.findByText(/No data sources are configured/),
    ).toBeInTheDocument();
  });

  it('shows progress while loading and the error when the request fails', async () => {
    const { unmount } = await renderWithApi(<DataSourcesCard />, {
      listDataSources: () => pending(),
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    unmount();

    const error = await responseError(
      403,
      'NotAllowedError',
      'Not allowed: customer-reporting.data-sources.read',
    );
    await renderWithApi(<DataSourcesCard />, {
      listDataSources: () => Promise.reject(error),
    });
    // A refusal names the permission; retrying cannot help.
    expect(await screen.findByText('Not allowed')).toBeInTheDocument();
    expect(
      screen.getByText(/Not allowed: customer-reporting.data-sources.read/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
  });
});
