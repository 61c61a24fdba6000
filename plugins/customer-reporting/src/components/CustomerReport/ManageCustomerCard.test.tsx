import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import {
  pending,
  reportFixture,
  responseError,
  withFixedTimeZone,
  renderReportCard,
} from '../../__testUtils__';
import { ManageCustomerCard } from './ManageCustomerCard';

async function renderCard(getCustomerReport: () => Promise<CustomerReport>) {
  const api = { getCustomerReport: jest.fn(getCustomerReport) };
  await renderReportCard(<ManageCustomerCard />, api);
  return api.getCustomerReport;
}

describe('ManageCustomerCard', () => {
  withFixedTimeZone();

  it('shows the license fields of the customer', async () => {
    const getCustomerReport = await renderCard(async () => reportFixture());

    expect(await screen.findByText('Acme Corp')).toBeInTheDocument();
    expect(getCustomerReport).toHaveBeenCalledWith('cus_1', {
      includeInactive: false,
      includeArchived: false,
      asOf: undefined,
    });
    expect(screen.getByText('admin@acme.test')).toBeInTheDocument();
    expect(screen.getByText('CRM-1000')).toBeInTheDocument();
    expect(screen.getByText('Stable')).toBeInTheDocument();
    expect(screen.getByText('Paid')).toBeInTheDocument();
    // Local date (New York), UTC value on hover.
    expect(screen.getByText('Mar 31, 2025')).toHaveAttribute(
      'title',
      '2025-04-01 00:00:00 UTC',
    );
    expect(screen.getByText('Does not expire')).toBeInTheDocument();
    expect(screen.getByText('lic_0205')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Copy license ID' }),
    ).toBeInTheDocument();
    // Vendor-defined field.
    expect(screen.getByText('region')).toBeInTheDocument();
    expect(screen.getByText('APAC')).toBeInTheDocument();
  });

  it('shows a badge per enabled feature only', async () => {
    await renderCard(async () => reportFixture());

    const badges = await screen.findByRole('list', {
      name: 'Enabled features',
    });
    expect(
      within(badges)
        .getAllByRole('img')
        .map(b => b.getAttribute('aria-label')),
    ).toEqual(['GitOps enabled', 'Identity enabled']);
  });

  it('offers the customer actions (covered in CustomerActions tests)', async () => {
    await renderCard(async () => reportFixture());

    // The test app (renderWithApi) allows every permission, like the demo policy.
    expect(
      await screen.findByRole('button', { name: 'Helm install instructions' }),
    ).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Download license' }),
    ).toBeEnabled();
  });

  it('shows the expiry date and flags an expired license', async () => {
    const report = reportFixture();
    report.customer.expiresAt = '2020-01-01T12:00:00Z';
    await renderCard(async () => report);

    expect(await screen.findByText('Jan 1, 2020')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Expired' })).toBeInTheDocument();
    expect(screen.queryByText('Does not expire')).not.toBeInTheDocument();
  });

  it('says so when no optional feature is enabled', async () => {
    const report = reportFixture();
    report.customer.features = {
      ...report.customer.features,
      gitops: false,
      identity: false,
    };
    report.customer.customFields = [];
    await renderCard(async () => report);

    expect(await screen.findByText('No optional features')).toBeInTheDocument();
    expect(screen.queryByText('region')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard(() => pending());

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.getByText('Manage customer')).toBeInTheDocument();
    expect(screen.queryByText('Acme Corp')).not.toBeInTheDocument();
  });

  it('shows the error and retries', async () => {
    const error = await responseError(
      404,
      'NotFoundError',
      'no customer cus_1',
    );
    let fail = true;
    const getCustomerReport = await renderCard(async () => {
      if (fail) throw error;
      return reportFixture();
    });

    expect(await screen.findByText('404: NotFoundError')).toBeInTheDocument();
    expect(screen.getByText('no customer cus_1')).toBeInTheDocument();

    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Acme Corp')).toBeInTheDocument();
    expect(getCustomerReport).toHaveBeenCalledTimes(2);
  });
});
