import { screen } from '@testing-library/react';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import {
  instanceFixture,
  reportFixture,
  withFixedTimeZone,
  itShowsProgressAndBackendErrors,
  renderReportCard,
} from '../../__testUtils__';
import { TimeToInstallCard } from './TimeToInstallCard';

async function renderCard(getCustomerReport: () => Promise<CustomerReport>) {
  await renderReportCard(<TimeToInstallCard />, { getCustomerReport });
}

describe('TimeToInstallCard', () => {
  withFixedTimeZone();

  it('shows both times with units and links the instance', async () => {
    await renderCard(async () => reportFixture());

    // 40 days from Apr 1 (license creation) are a calendar month and 10 days.
    expect(await screen.findByText('1 mo 10 d')).toBeInTheDocument();
    expect(screen.getByText('1 h 30 min')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'prod-eu' })).toHaveAttribute(
      'href',
      '/customer-reporting/instances/ins_1234567890',
    );
    expect(screen.getByText('May 1, 2025, 7:30 AM')).toHaveAttribute(
      'title',
      '2025-05-01 11:30:00 UTC',
    );
  });

  it('falls back to the short id when the instance is not listed', async () => {
    await renderCard(async () =>
      reportFixture({ instances: [instanceFixture({ id: 'other' })] }),
    );

    expect(
      await screen.findByRole('link', { name: 'ins_123' }),
    ).toHaveAttribute('href', '/customer-reporting/instances/ins_1234567890');
  });

  it('says so when the instance was ready before the license was created', async () => {
    const report = reportFixture();
    await renderCard(async () => ({
      ...report,
      timeToInstall: { ...report.timeToInstall!, licenseSeconds: -86400 },
    }));

    expect(
      await screen.findByText('ready before the license was created'),
    ).toBeInTheDocument();
  });

  it('says "No ready instances" without a time to install', async () => {
    await renderCard(async () => reportFixture({ timeToInstall: null }));

    expect(await screen.findByText('No ready instances')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  itShowsProgressAndBackendErrors(renderCard, () =>
    screen.queryByText('No ready instances'),
  );
});
