import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import {
  attemptFixture,
  reportFixture,
  stubDownloads,
  withFixedTimeZone,
  itShowsProgressAndBackendErrors,
  renderReportCard,
  shownText,
  setWindowWidth,
  cellUnder,
} from '../../__testUtils__';
import { CustomerReportingApi } from '../../api';
import { InstallAttemptsCard } from './InstallAttemptsCard';

async function renderCard(
  getCustomerReport: () => Promise<CustomerReport>,
  more: Partial<CustomerReportingApi> = {},
) {
  await renderReportCard(<InstallAttemptsCard />, {
    getCustomerReport,
    ...more,
  });
}

const succeeded = attemptFixture({
  id: 'att_2',
  status: 'succeeded',
  installType: 'linux',
  startedAt: '2025-06-12T08:00:00Z',
  userEmail: null,
  environment: { k8sDistribution: null, os: 'ubuntu', osVersion: '22.04' },
  networkMode: 'airgap',
  registry: 'offline',
  durationSeconds: 2700,
  failedStep: null,
  reason: null,
  steps: [
    { step: 'started', at: '2025-06-12T08:00:00Z' },
    { step: 'assets-downloaded', at: '2025-06-12T08:20:00Z' },
    { step: 'completed', at: '2025-06-12T08:45:00Z' },
  ],
});

describe('InstallAttemptsCard', () => {
  withFixedTimeZone();

  it('shows a row per attempt', async () => {
    await renderCard(async () =>
      reportFixture({ installAttempts: [succeeded, attemptFixture()] }),
    );

    const rows = (await screen.findAllByRole('row')).filter(row =>
      within(row).queryByRole('button', { name: 'Show install steps' }),
    );
    expect(rows).toHaveLength(2);
    const linux = within(rows[0]);
    expect(
      linux.getByRole('img', { name: 'Install status: Succeeded' }),
    ).toBeInTheDocument();
    expect(linux.getByText('Linux')).toBeInTheDocument();
    expect(linux.getByText('Jun 12, 2025, 4:00 AM')).toBeInTheDocument();
    expect(linux.getByText('ubuntu 22.04')).toBeInTheDocument();
    expect(linux.getByText('Air gap')).toBeInTheDocument();
    expect(linux.getByText('Offline')).toBeInTheDocument();
    expect(linux.getByText('45 min')).toBeInTheDocument();
    const helm = within(rows[1]);
    expect(
      helm.getByRole('img', { name: 'Install status: Failed' }),
    ).toBeInTheDocument();
    expect(helm.getByText('Helm')).toBeInTheDocument();
    expect(helm.getByText('ops@acme.test')).toBeInTheDocument();
    expect(helm.getByText('aks')).toBeInTheDocument();
    expect(helm.getByText('Proxy')).toBeInTheDocument();
    expect(helm.getByText('Online')).toBeInTheDocument();
    // The checklist is collapsed until asked for.
    expect(screen.queryByText('Registry login')).not.toBeInTheDocument();
  });

  it.each([
    // 768 px beside the open sidebar leaves the table about 500 px; the CSV
    // has the rest.
    [768, ['Status', 'Type', 'Started', 'Duration']],
    [
      1280,
      [
        'Status',
        'Type',
        'Started',
        'User',
        'Environment',
        'Mode',
        'Registry',
        'Duration',
      ],
    ],
  ])('at %i px shows the columns %j, a cell each', async (width, shown) => {
    const restore = setWindowWidth(width);
    try {
      await renderCard(async () =>
        reportFixture({ installAttempts: [succeeded] }),
      );
      const table = await screen.findByRole('table', {
        name: 'Install attempts',
      });
      const [head, first] = within(table).getAllByRole('row');
      // The first header is the expand buttons' (screen readers only).
      const headers = within(head).getAllByRole('columnheader').slice(1);
      expect(headers.map(h => h.textContent)).toEqual(shown);
      expect(within(first).getAllByRole('cell')).toHaveLength(shown.length + 1);
      expect(within(first).getByText('45 min')).toBeInTheDocument();
    } finally {
      restore();
    }
  });

  // Narrow windows list the hidden columns' values under the start.
  const narrowLines = [
    'User: ops@acme.test',
    'Environment: aks',
    'Mode: Proxy',
    'Registry: Online',
  ];

  it('at 768 px shows the user, environment, mode and registry under the start', async () => {
    const restore = setWindowWidth(768);
    try {
      await renderCard(async () => reportFixture());
      const table = await screen.findByRole('table', {
        name: 'Install attempts',
      });
      const [, row] = within(table).getAllByRole('row');
      const started = cellUnder(table, row, 'Started');
      for (const line of narrowLines)
        expect(within(started).getByText(line)).toBeInTheDocument();
    } finally {
      restore();
    }
  });

  it('at 1280 px shows them in their own columns only', async () => {
    const restore = setWindowWidth(1280);
    try {
      await renderCard(async () => reportFixture());
      const table = await screen.findByRole('table', {
        name: 'Install attempts',
      });
      const [, row] = within(table).getAllByRole('row');
      for (const line of narrowLines) {
        const [header, value] = line.split(': ');
        expect(cellUnder(table, row, header).textContent).toBe(value);
        expect(within(table).queryByText(line)).not.toBeInTheDocument();
      }
    } finally {
      restore();
    }
  });

  it('expands to the helm checklist with times, pending steps and the reason', async () => {
    await renderCard(async () => reportFixture());

    const toggle = await screen.findByRole('button', {
      name: 'Show install steps',
    });
    await userEvent.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const steps = within(screen.getByRole('list', { name: 'Install steps' }))
      .getAllByRole('listitem')
      .map(shownText);
    expect(steps).toEqual([
      'StartedJun 10, 2025, 4:00 AM',
      'Registry loginJun 10, 2025, 4:05 AM',
      'Images pulledFailed',
      'CompletedPending',
    ]);
    expect(
      screen.getByText('ImagePullBackOff: manifest unknown'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Hide install steps' }),
    );
    expect(
      screen.getByRole('button', { name: 'Show install steps' }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('expands to the linux checklist when the row is clicked', async () => {
    await renderCard(async () =>
      reportFixture({ installAttempts: [succeeded] }),
    );

    await userEvent.click(await screen.findByText('ubuntu 22.04'));

    const steps = within(screen.getByRole('list', { name: 'Install steps' }))
      .getAllByRole('listitem')
      .map(shownText);
    expect(steps).toEqual([
      'StartedJun 12, 2025, 4:00 AM',
      'Assets downloadedJun 12, 2025, 4:20 AM',
      'CompletedJun 12, 2025, 4:45 AM',
    ]);
    expect(screen.queryByText(/Failure reason/)).not.toBeInTheDocument();
  });

  it('downloads the customer attempts as CSV through the API', async () => {
    const exportInstallAttemptsCsv = jest.fn(
      async () => new Blob(['id\natt_1\n']),
    );
    const downloads = stubDownloads('blob:attempts');
    await renderCard(async () => reportFixture(), { exportInstallAttemptsCsv });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );

    expect(exportInstallAttemptsCsv).toHaveBeenCalledWith({
      customerId: 'cus_1',
    });
    expect(downloads.createObjectURL).toHaveBeenCalledTimes(1);
    const [link] = downloads.saved();
    expect(link.download).toBe('install-attempts-cus_1.csv');
    expect(link.href).toBe('blob:attempts');
    downloads.restore();
  });

  it('says so when there are no attempts', async () => {
    await renderCard(async () => reportFixture({ installAttempts: [] }));

    expect(await screen.findByText('No install attempts')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  itShowsProgressAndBackendErrors(renderCard, () =>
    screen.queryByRole('table'),
  );
});
