import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { Route, Routes } from 'react-router-dom';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { customerSummaryFixture } from '@customer-reporting/plugin-customer-reporting-common/testUtils';
import {
  API_URL,
  errorAnswer,
  httpBackend,
  renderWithApi,
} from '../../__testUtils__';
import { DataSourcesCard } from '../DataSources/DataSourcesCard';
import { CustomersContent } from '../CustomersPage/CustomersContent';
import { CustomerReportingRouter } from '../Router/CustomerReportingRouter';

// The customer table with its MUI selects is slow on a busy machine.
jest.setTimeout(30_000);

/**
 * A 401 (the Backstage token expired or is missing) on any load: its own
 * state with a way to sign in again, never Retry (the same call with the
 * same token) nor the error panel's stack trace.
 */
describe('an expired session', () => {
  const backend = httpBackend();

  function expectSessionExpiredState() {
    expect(
      screen.getByText(
        /no longer accepts your sign-in \(Missing credentials\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Stack Trace')).not.toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: 'Reload page' }).length,
    ).toBeGreaterThan(0);
  }

  it('shows in a card, whose "Sign in again" signs out to the sign-in page', async () => {
    backend.failAll(401, 'AuthenticationError', 'Missing credentials');
    const identityApi = mockApis.identity.mock();
    await renderWithApi(
      <TestApiProvider apis={[[identityApiRef, identityApi]]}>
        <DataSourcesCard />
      </TestApiProvider>,
      backend.api,
    );

    expect(await screen.findByText('Your session expired')).toBeInTheDocument();
    expectSessionExpiredState();
    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in again' }),
    );
    expect(identityApi.signOut).toHaveBeenCalledTimes(1);
  });

  it('replaces the report page with one state', async () => {
    backend.failAll(401, 'AuthenticationError', 'Missing credentials');
    await renderWithApi(
      <Routes>
        <Route
          path="/customer-reporting/*"
          element={<CustomerReportingRouter />}
        />
      </Routes>,
      backend.api,
      ['/customer-reporting/customers/cus_9'],
    );

    expect(await screen.findByText('Your session expired')).toBeInTheDocument();
    expectSessionExpiredState();
    expect(screen.queryByText('Manage customer')).not.toBeInTheDocument();
  });

  it('replaces the customer list', async () => {
    backend.failAll(401, 'AuthenticationError', 'Missing credentials');
    await renderWithApi(<CustomersContent />, backend.api, [
      '/customer-reporting',
    ]);

    expect(await screen.findByText('Your session expired')).toBeInTheDocument();
    expectSessionExpiredState();
  });

  it('shows under the rows when "Load more" is refused', async () => {
    backend.server.use(
      http.get(`${API_URL}/v1/apps`, () => HttpResponse.json({ items: [] })),
      http.get(`${API_URL}/v1/customers`, ({ request }) =>
        new URL(request.url).searchParams.get('cursor')
          ? errorAnswer(401, 'AuthenticationError', 'Missing credentials')
          : HttpResponse.json({
              items: [customerSummaryFixture({ name: 'Acme' })],
              totalCount: 2,
              nextCursor: 'c2',
            }),
      ),
    );
    await renderWithApi(<CustomersContent />, backend.api, [
      '/customer-reporting',
    ]);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );

    expect(await screen.findByText('Your session expired')).toBeInTheDocument();
    expectSessionExpiredState();
    // The rows loaded before stay.
    expect(screen.getByText('Acme')).toBeInTheDocument();
  });
});
