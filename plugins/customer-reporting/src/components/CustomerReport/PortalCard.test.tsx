import { screen } from '@testing-library/react';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import {
  pending,
  reportFixture,
  responseError,
  withFixedTimeZone,
  renderReportCard,
} from '../../__testUtils__';
import { PortalCard } from './PortalCard';

async function renderCard(getCustomerReport: () => Promise<CustomerReport>) {
  await renderReportCard(<PortalCard />, { getCustomerReport });
}

const enterprise: CustomerReport['portal'] = {
  kind: 'enterprise',
  url: 'https://portal.example.com/cus_1',
  status: 'accessed',
  lastAccessedAt: '2025-06-02T12:00:00Z',
  users: [
    { email: 'admin@acme.test', status: 'joined' },
    { email: 'dev@acme.test', status: 'invited' },
  ],
  serviceAccounts: 3,
  supportBundles: 5,
  installAttempts: 7,
  delivery: {
    firstAccessAt: '2025-05-01T12:00:00Z',
    firstPullAt: '2025-05-02T12:00:00Z',
    latestPullAt: null,
  },
};

describe('PortalCard', () => {
  withFixedTimeZone();

  it('shows every field of a download portal', async () => {
    await renderCard(async () => reportFixture());

    expect(await screen.findByText('Download portal')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'https://download.example.com/cus_1, Opens in a new window',
      }),
    ).toHaveAttribute('href', 'https://download.example.com/cus_1');
    expect(screen.getByText(/^Set on/)).toHaveTextContent(
      'Set on May 20, 2025, 8:00 AM by vendor@example.com',
    );
    expect(screen.getByText('Jun 1, 2025, 8:00 AM')).toBeInTheDocument();
    expect(screen.getByText(/version 2\.7\.0/)).toBeInTheDocument();
    // View belongs to the Enterprise Portal.
    expect(
      screen.queryByRole('link', { name: /^View the Enterprise Portal/ }),
    ).not.toBeInTheDocument();
  });

  it('says when the portal was never used', async () => {
    await renderCard(async () =>
      reportFixture({
        portal: {
          kind: 'download',
          url: 'https://download.example.com/cus_1',
          passwordSet: false,
          passwordSetAt: null,
          passwordSetBy: null,
          lastDownload: null,
        },
      }),
    );

    expect(await screen.findByText('No downloads yet')).toBeInTheDocument();
    expect(screen.getByText('Not set')).toBeInTheDocument();
  });

  it('shows every field of an enterprise portal', async () => {
    await renderCard(async () => reportFixture({ portal: enterprise }));

    expect(await screen.findByText('Enterprise portal')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^View the Enterprise Portal/ }),
    ).toHaveAttribute('href', 'https://portal.example.com/cus_1');
    expect(screen.getByRole('img', { name: 'Accessed' })).toBeInTheDocument();
    expect(screen.getByText('Jun 2, 2025, 8:00 AM')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'admin@acme.test: joined' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'dev@acme.test: invited' }),
    ).toBeInTheDocument();
    expect(screen.getByText('3')).toBeInTheDocument();
    expect(screen.getByText('5')).toBeInTheDocument();
    expect(screen.getByText('7')).toBeInTheDocument();
    expect(screen.getByText('May 1, 2025, 8:00 AM')).toBeInTheDocument();
    expect(screen.getByText('May 2, 2025, 8:00 AM')).toBeInTheDocument();
    // No latest pull yet.
    expect(screen.getByText('Never')).toBeInTheDocument();
  });

  it('shows an enterprise portal nobody was invited to', async () => {
    await renderCard(async () =>
      reportFixture({
        portal: {
          ...enterprise,
          status: 'not-accessed',
          lastAccessedAt: null,
          users: [],
        },
      }),
    );

    expect(await screen.findByText('No users invited')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Not accessed' }),
    ).toBeInTheDocument();
  });

  it('shows progress, then the error', async () => {
    await renderCard(() => pending());
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.getByText('Portal')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await responseError(500, 'Error', 'boom');
    await renderCard(async () => {
      throw error;
    });

    expect(await screen.findByText('500: Error')).toBeInTheDocument();
  });
});
