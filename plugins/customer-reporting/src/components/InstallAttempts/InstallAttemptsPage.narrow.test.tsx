import { screen, within } from '@testing-library/react';
import {
  attemptFixture,
  cellUnder,
  renderWithApi,
  setWindowWidth,
  shownText,
  tableColumns,
  withFixedTimeZone,
} from '../../__testUtils__';
import { InstallAttemptsPage } from './InstallAttemptsPage';
import { formatDuration } from '../format';
import { attemptPage, auditApi } from './testData';

const WIDE = {
  'Install attempts': [
    'Status',
    'Customer',
    'Type',
    'Started',
    'Environment',
    'Mode',
    'Registry',
    'App version',
    'Duration',
  ],
  'Failure groups': [
    'Status',
    'Step',
    'Reason',
    'Attempts',
    'Customers',
    'First seen',
    'Last seen',
  ],
  'Time to install': [
    'App',
    'Customers',
    'License median',
    'License p90',
    'Instance median',
    'Instance p90',
  ],
};

// 768 px beside the open sidebar leaves the tables about 500 px; the
// hidden columns' values show under other columns (below), a failure
// group's dates in its attempt list.
const NARROW: typeof WIDE = {
  'Install attempts': ['Status', 'Customer', 'Started'],
  'Failure groups': ['Status', 'Step', 'Reason', 'Attempts'],
  'Time to install': ['App', 'Customers', 'License median', 'Instance median'],
};

describe('InstallAttemptsPage tables', () => {
  withFixedTimeZone();

  it.each([
    [768, NARROW],
    [1280, WIDE],
  ])('at %i px show their columns, a cell each', async (width, expected) => {
    const restore = setWindowWidth(width);
    try {
      await renderWithApi(<InstallAttemptsPage />, auditApi(), [
        '/customer-reporting/install-attempts',
      ]);
      for (const [name, headers] of Object.entries(expected)) {
        const table = await screen.findByRole('table', { name });
        const columns = tableColumns(table);
        expect(columns.headers).toEqual(headers);
        expect(columns.cellCounts).not.toHaveLength(0);
        for (const count of columns.cellCounts)
          expect(count).toBe(headers.length);
      }
    } finally {
      restore();
    }
  });
});

/** An attempt with every secondary value, for the attempts list. */
function auditApiWithDuration() {
  const page = attemptPage(['Acme Corp']);
  page.items[0] = {
    ...page.items[0],
    ...attemptFixture({ durationSeconds: 1260 }),
    id: page.items[0].id,
  };
  return auditApi({ listInstallAttempts: jest.fn(async () => page) });
}

/**
 * Per table, its first row's values that narrow windows show under other
 * columns: the column they show under, the lines there, and the column
 * each has on wide windows.
 */
const FOLDED: Record<
  string,
  { under: string; line: string; column: string; value: string }[]
> = {
  'Install attempts': [
    { under: 'Status', line: 'Type: Helm', column: 'Type', value: 'Helm' },
    {
      under: 'Customer',
      line: 'Environment: aks',
      column: 'Environment',
      value: 'aks',
    },
    { under: 'Customer', line: 'Mode: Proxy', column: 'Mode', value: 'Proxy' },
    {
      under: 'Customer',
      line: 'Registry: Online',
      column: 'Registry',
      value: 'Online',
    },
    {
      under: 'Customer',
      line: 'App version: 2.11.0',
      column: 'App version',
      value: '2.11.0',
    },
    {
      under: 'Started',
      line: `Duration: ${formatDuration(1260)}`,
      column: 'Duration',
      value: formatDuration(1260),
    },
  ],
  'Failure groups': [
    {
      under: 'Attempts',
      line: 'Customers: 2',
      column: 'Customers',
      value: '2',
    },
  ],
  'Time to install': [
    {
      under: 'License median',
      line: `p90: ${formatDuration(20 * 86400)}`,
      column: 'License p90',
      value: formatDuration(20 * 86400),
    },
  ],
};

describe('InstallAttemptsPage tables, secondary values', () => {
  withFixedTimeZone();

  it('at 768 px show under the columns kept', async () => {
    const restore = setWindowWidth(768);
    try {
      await renderWithApi(<InstallAttemptsPage />, auditApiWithDuration(), [
        '/customer-reporting/install-attempts',
      ]);
      for (const [name, values] of Object.entries(FOLDED)) {
        const table = await screen.findByRole('table', { name });
        const [, row] = within(table).getAllByRole('row');
        for (const { under, line } of values)
          expect(
            within(cellUnder(table, row, under)).getByText(line),
          ).toBeInTheDocument();
      }
      // No p90, no line: the instance median keeps its one value.
      const tti = screen.getByRole('table', { name: 'Time to install' });
      const [, nimbus] = within(tti).getAllByRole('row');
      expect(shownText(cellUnder(tti, nimbus, 'Instance median'))).toBe(
        formatDuration(5400),
      );
    } finally {
      restore();
    }
  });

  it('at 1280 px show in their own columns only', async () => {
    const restore = setWindowWidth(1280);
    try {
      await renderWithApi(<InstallAttemptsPage />, auditApiWithDuration(), [
        '/customer-reporting/install-attempts',
      ]);
      for (const [name, values] of Object.entries(FOLDED)) {
        const table = await screen.findByRole('table', { name });
        const [, row] = within(table).getAllByRole('row');
        for (const { line, column, value } of values) {
          expect(shownText(cellUnder(table, row, column))).toBe(value);
          expect(within(table).queryByText(line)).not.toBeInTheDocument();
        }
      }
    } finally {
      restore();
    }
  });
});
