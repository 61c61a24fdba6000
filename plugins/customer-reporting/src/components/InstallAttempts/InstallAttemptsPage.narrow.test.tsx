import { screen } from '@testing-library/react';
import {
  renderWithApi,
  setWindowWidth,
  tableColumns,
  withFixedTimeZone,
} from '../../__testUtils__';
import { InstallAttemptsPage } from './InstallAttemptsPage';
import { auditApi } from './testData';

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

// 768 px beside the open sidebar leaves the tables about 500 px; the rest
// is in the CSV export, the customer's report or a group's attempt list.
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
