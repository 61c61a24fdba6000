import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  pending,
  renderWithApi,
  responseError,
  withFixedTimeZone,
} from '../../__testUtils__';
import type { InstallAttemptSummary } from '@customer-reporting/plugin-customer-reporting-common';
import { InstallAttemptsPage } from './InstallAttemptsPage';
import { attemptPage, auditApi, summaryData } from './testData';

const URL = '/customer-reporting/install-attempts';

async function renderPage(api = auditApi()) {
  await renderWithApi(<InstallAttemptsPage />, api, [URL]);
  return api;
}

describe('InstallAttemptsPage sections', () => {
  withFixedTimeZone();

  it('shows the summary tiles', async () => {
    await renderPage();

    const tiles = await screen.findByLabelText('Install attempt summary');
    const text = (label: string) =>
      within(tiles).getByText(label).nextElementSibling?.textContent;
    expect(text('Attempts')).toBe('42');
    expect(text('Success rate')).toBe('75%');
    expect(text('Failed')).toBe('6');
    expect(text('In progress')).toBe('2');
    expect(text('Median duration')).toBe('21 min');
    expect(text('P90 duration')).toBe('1 h 30 min');
    expect(screen.getByText('1 discarded')).toBeInTheDocument();
  });

  it('draws a funnel per install type relative to its first step', async () => {
    await renderPage();

    const helm = await screen.findByRole('list', { name: 'Helm funnel' });
    const steps = within(helm).getAllByRole('listitem');
    expect(steps).toHaveLength(4);
    expect(steps[1]).toHaveAccessibleName(
      'Registry login: 16 reached, 2 stalled here, 1 failed here',
    );
    // 16 of the 20 that started.
    const bar = steps[1].querySelector('div > div') as HTMLElement;
    expect(bar.style.width).toBe('80%');
    expect(screen.getByText('Linux · 10 attempts')).toBeInTheDocument();
  });

  it('lists the failure groups with their example reason', async () => {
    await renderPage();

    const table = await screen.findByRole('table', { name: 'Failure groups' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    // A reason as reported, not the grouping key with its masks.
    expect(
      within(rows[1]).getByText('ImagePullBackOff: manifest "2.11.0" unknown'),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).queryByText('imagepullbackoff: manifest <value> unknown'),
    ).not.toBeInTheDocument();
    expect(within(rows[2]).getByText('Registry login')).toBeInTheDocument();
    expect(
      within(rows[2]).getByText('Stopped here without an outcome'),
    ).toBeInTheDocument();
  });

  it('draws a bar per week with its success rate', async () => {
    await renderPage();

    const chart = await screen.findByRole('group', {
      name: 'Attempts in 3 weeks',
    });
    const weeks = within(chart).getAllByRole('img');
    expect(weeks[1]).toHaveAccessibleName(
      'Week of Jun 9, 2025 (UTC): 8 attempts, 6 succeeded, success rate 75%',
    );
    expect(weeks[2]).toHaveAccessibleName(
      'Week of Jun 16, 2025 (UTC): 0 attempts, 0 succeeded, no decided attempts',
    );
    // Succeeded part of the largest week fills 6 of 8.
    expect((weeks[1].firstChild as HTMLElement).style.height).toBe('75%');
  });

  it('shows time to install per group with explicit units', async () => {
    await renderPage();

    const table = await screen.findByRole('table', { name: 'Time to install' });
    const cells = within(within(table).getAllByRole('row')[1])
      .getAllByRole('cell')
      .map(c => c.textContent);
    expect(cells).toEqual([
      'nimbus',
      '7',
      '9 d 6 h',
      '20 d',
      '1 h 30 min',
      '–',
    ]);
  });

  it('lists the attempts with their customer', async () => {
    await renderPage();

    const table = await screen.findByRole('table', {
      name: 'Install attempts',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('link', { name: 'Globex' })).toHaveAttribute(
      'href',
      '/customer-reporting/customers/cus_2',
    );
    expect(screen.getByText('2 attempts')).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2')).toBeInTheDocument();
    // A narrow window scrolls the table sideways: keyboard users can too.
    expect(
      screen.getByRole('region', { name: 'Install attempts table' }),
    ).toHaveAttribute('tabindex', '0');
  });

  it('shows a progress bar in every section while loading', async () => {
    await renderPage(
      auditApi({
        getInstallAttemptSummary: pending,
        getInstallAttemptFunnel: pending,
        getInstallAttemptFailureGroups: pending,
        getInstallAttemptTrend: pending,
        getTimeToInstallStats: pending,
        listInstallAttempts: pending,
      }),
    );

    // findAll would settle on the first sections to render, before the rest.
    await waitFor(() =>
      expect(screen.getAllByRole('progressbar')).toHaveLength(6),
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it("shows each section's error with a retry", async () => {
    const error = await responseError(500, 'Error', 'database down');
    const fail = jest.fn(async () => {
      throw error;
    });
    const getSummary = jest.fn(async (): Promise<InstallAttemptSummary> => {
      throw error;
    });
    const api = auditApi({
      getInstallAttemptSummary: getSummary,
      getInstallAttemptFunnel: fail,
      getInstallAttemptFailureGroups: fail,
      getInstallAttemptTrend: fail,
      getTimeToInstallStats: fail,
      listInstallAttempts: fail,
    });
    await renderPage(api);

    expect(await screen.findAllByText('database down')).toHaveLength(6);
    const retries = screen.getAllByRole('button', { name: 'Retry' });
    expect(retries).toHaveLength(6);

    getSummary.mockImplementation(async () => summaryData());
    await userEvent.click(retries[0]);
    expect(
      await screen.findByLabelText('Install attempt summary'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('database down')).toHaveLength(5);
  });

  it('says so in every section when nothing matches', async () => {
    await renderPage(
      auditApi({
        getInstallAttemptSummary: async () =>
          summaryData({ total: 0, succeeded: 0, failed: 0, stalled: 0 }),
        getInstallAttemptFunnel: async () => ({ installTypes: [] }),
        getInstallAttemptFailureGroups: async () => ({ items: [] }),
        getInstallAttemptTrend: async () => ({ weeks: [] }),
        getTimeToInstallStats: async () => ({ groups: [] }),
        listInstallAttempts: async () => attemptPage([]),
      }),
    );

    expect(
      await screen.findAllByText('No install attempts match these filters'),
    ).toHaveLength(3); // summary, trend and the attempt list
    expect(
      screen.getByText('No attempts with an install type match these filters'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No failed or stalled attempts match these filters'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No customer has installed yet'),
    ).toBeInTheDocument();
    expect(screen.getByText('0 attempts')).toBeInTheDocument();
  });
});
