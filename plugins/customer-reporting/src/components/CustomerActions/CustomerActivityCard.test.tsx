import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CustomerAuditList } from '@customer-reporting/plugin-customer-reporting-common';
import {
  pending,
  reportFixture,
  responseError,
  withFixedTimeZone,
  renderReportCard,
  cellUnder,
  setWindowWidth,
  shownText,
  tableColumns,
} from '../../__testUtils__';
import { CustomerActivityCard } from './CustomerActivityCard';
import { AUDIT_PAGE_SIZE } from './useCustomerAudit';

const firstPage: CustomerAuditList = {
  items: [
    {
      at: '2025-06-20T16:00:00Z',
      actor: 'user:default/jane',
      action: 'portal-user-invited',
      details: { email: 'dev@acme.test' },
    },
    {
      at: '2025-06-19T09:30:00Z',
      actor: 'user:default/ops',
      action: 'license-download',
      details: {},
    },
  ],
  nextCursor: 'page-2',
};

const secondPage: CustomerAuditList = {
  items: [
    {
      at: '2025-06-01T08:00:00Z',
      actor: 'user:default/jane',
      action: 'some-future-action',
      details: { count: 2 },
    },
  ],
  nextCursor: null,
};

async function renderCard(listAudit: jest.Mock) {
  await renderReportCard(<CustomerActivityCard />, {
    getCustomerReport: async () => reportFixture(),
    listAudit,
  });
}

describe('CustomerActivityCard', () => {
  withFixedTimeZone();

  it('lists who did what and when, and loads older entries', async () => {
    const listAudit = jest
      .fn()
      .mockResolvedValueOnce(firstPage)
      .mockResolvedValueOnce(secondPage);
    await renderCard(listAudit);

    const table = await screen.findByRole('table', {
      name: 'Customer activity',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(shownText)).toEqual([
      'Jun 20, 2025, 12:00 PMuser:default/janeInvited a portal useremail: dev@acme.test',
      'Jun 19, 2025, 5:30 AMuser:default/opsDownloaded the license–',
    ]);
    expect(listAudit).toHaveBeenCalledWith('cus_1', {
      limit: AUDIT_PAGE_SIZE,
      cursor: undefined,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await within(table).findByText('some-future-action')).toBeVisible();
    expect(within(table).getByText('count: 2')).toBeInTheDocument();
    expect(listAudit).toHaveBeenLastCalledWith('cus_1', {
      limit: AUDIT_PAGE_SIZE,
      cursor: 'page-2',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    // The last page has no cursor: nothing more to load.
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it.each([
    // 768 px beside the open sidebar leaves the table about 500 px.
    [768, ['When', 'What']],
    [1280, ['When', 'Who', 'What', 'Details']],
  ])('at %i px shows the columns %j, a cell each', async (width, headers) => {
    const restore = setWindowWidth(width);
    try {
      await renderCard(jest.fn().mockResolvedValue(firstPage));
      const table = await screen.findByRole('table', {
        name: 'Customer activity',
      });
      expect(tableColumns(table)).toEqual({
        headers,
        cellCounts: [headers.length, headers.length],
      });
    } finally {
      restore();
    }
  });

  it.each([
    // Narrow windows show who under when and the details under what.
    [768, 'When', ['Jun 20, 2025, 12:00 PM', 'Who: user:default/jane']],
    [768, 'What', ['Invited a portal user', 'email: dev@acme.test']],
    [1280, 'When', ['Jun 20, 2025, 12:00 PM']],
    [1280, 'Who', ['user:default/jane']],
    [1280, 'What', ['Invited a portal user']],
    [1280, 'Details', ['email: dev@acme.test']],
  ])('at %i px the %s cell reads %j', async (width, header, lines) => {
    const restore = setWindowWidth(width);
    try {
      await renderCard(jest.fn().mockResolvedValue(firstPage));
      const table = await screen.findByRole('table', {
        name: 'Customer activity',
      });
      const [, invited, download] = within(table).getAllByRole('row');
      expect(shownText(cellUnder(table, invited, header))).toBe(lines.join(''));
      // No details, no line: the download's cell keeps its one value.
      expect(shownText(cellUnder(table, download, 'What'))).toBe(
        'Downloaded the license',
      );
    } finally {
      restore();
    }
  });

  it('at 768 px shows nested details with a space after every comma, so they wrap', async () => {
    const restore = setWindowWidth(768);
    try {
      const exported: CustomerAuditList = {
        items: [
          {
            at: '2025-06-18T10:00:00Z',
            actor: 'user:default/jane',
            action: 'export',
            details: {
              file: 'install-attempts.csv',
              appSlug: 'nimbus',
              status: ['failed', 'stalled'],
              environment: { k8sDistribution: 'eks', networkMode: 'airgap' },
            },
          },
        ],
        nextCursor: null,
      };
      await renderCard(jest.fn().mockResolvedValue(exported));
      const table = await screen.findByRole('table', {
        name: 'Customer activity',
      });
      const [, row] = within(table).getAllByRole('row');
      // Compact JSON would be one word as wide as all the filters.
      expect(shownText(cellUnder(table, row, 'What'))).toBe(
        'Exported data' +
          'file: install-attempts.csv, appSlug: nimbus, status: [failed, stalled], ' +
          'environment: {k8sDistribution: eks, networkMode: airgap}',
      );
    } finally {
      restore();
    }
  });

  it('says so when there is no activity', async () => {
    await renderCard(jest.fn(async () => ({ items: [], nextCursor: null })));

    expect(await screen.findByText('No activity yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard(jest.fn(() => pending()));

    await waitFor(() =>
      expect(screen.getByTestId('progress')).toBeInTheDocument(),
    );
    expect(screen.getByText('Activity')).toBeInTheDocument();
    expect(screen.queryByText('No activity yet')).not.toBeInTheDocument();
  });

  it('shows the error and retries', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'Not allowed',
    );
    const listAudit = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValueOnce(firstPage);
    await renderCard(listAudit);

    expect((await screen.findAllByText(/Not allowed/)).length).toBeGreaterThan(
      0,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByRole('table', { name: 'Customer activity' }),
    ).toBeInTheDocument();
    expect(listAudit).toHaveBeenCalledTimes(2);
  });
});
