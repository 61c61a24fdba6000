import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import { http } from 'msw';
import {
  API_URL,
  errorAnswer,
  httpBackend,
  instanceFixture,
  pending,
  renderWithApi,
  reportFixture,
  responseError,
  withFixedTimeZone,
} from '../../__testUtils__';
import { EntityCustomerHealthCard } from './EntityCustomerHealthCard';
import { EntityCustomerReportContent } from './EntityCustomerReportContent';

const customerEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'customer-cus-1',
    annotations: {
      'customer-reporting/customer-id': 'cus_1',
      'customer-reporting/app': 'nimbus',
    },
  },
  spec: { type: 'customer', owner: 'group:default/cs' },
};

async function renderCard(
  getCustomerReport: () => Promise<CustomerReport>,
  entity: Entity = customerEntity,
  element = <EntityCustomerHealthCard />,
) {
  const api = { getCustomerReport: jest.fn(getCustomerReport) };
  await renderWithApi(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    api,
  );
  return api.getCustomerReport;
}

describe('EntityCustomerHealthCard', () => {
  withFixedTimeZone();

  it("summarises the annotated customer's health", async () => {
    const report = reportFixture({
      instances: [
        instanceFixture({ id: 'a', status: 'degraded' }),
        instanceFixture({
          id: 'b',
          status: 'ready',
          lastCheckInAt: '2025-06-15T09:00:00Z',
        }),
        instanceFixture({ id: 'c', status: 'missing', active: false }),
      ],
    });
    const getCustomerReport = await renderCard(async () => report);

    // The most available active instance decides.
    expect(
      await screen.findByRole('img', { name: 'Status: Ready' }),
    ).toBeInTheDocument();
    expect(getCustomerReport).toHaveBeenCalledWith('cus_1', expect.anything());
    expect(
      screen.getByText('1 active · 0 air gap · 2 inactive'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 mo 10 d')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'View full report' }),
    ).toHaveAttribute('href', '/customer-reporting/customers/cus_1');
  });

  it('says so without active instances or installation', async () => {
    await renderCard(async () =>
      reportFixture({ instances: [], timeToInstall: null }),
    );

    expect(await screen.findByText('No active instance')).toBeInTheDocument();
    expect(screen.getByText('Not installed')).toBeInTheDocument();
    expect(screen.getByText('Never')).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard(() => pending());

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.getByText('Customer health')).toBeInTheDocument();
  });

  it('shows the error with Retry', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'database down',
    );
    await renderCard(() => Promise.reject(error));

    expect(
      (await screen.findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  describe('over HTTP', () => {
    const backend = httpBackend();

    it('says no data has arrived yet for a customer the backend does not know, without Retry', async () => {
      // A catalog entity for a customer not ingested yet (or deleted since).
      backend.server.use(
        http.get(`${API_URL}/v1/customers/cus_1/report`, () =>
          errorAnswer(404, 'NotFoundError', 'Unknown customer: cus_1'),
        ),
      );
      await renderWithApi(
        <EntityProvider entity={customerEntity}>
          <EntityCustomerHealthCard />
        </EntityProvider>,
        backend.api,
      );

      expect(
        await screen.findByText(
          'No data about customer cus_1 has been received yet',
        ),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Retry' }),
      ).not.toBeInTheDocument();
      expect(screen.queryByText(/404/)).not.toBeInTheDocument();
    });
  });

  it('says "Not allowed" without Retry when the report is refused', async () => {
    // A member of the default owner group sees the entity, not the report.
    const error = await responseError(
      403,
      'NotAllowedError',
      'Not allowed: customer-reporting.customer.read on customer cus_1',
    );
    await renderCard(() => Promise.reject(error));

    expect(await screen.findByText('Not allowed')).toBeInTheDocument();
    expect(
      screen.getByText(/customer-reporting\.customer\.read on customer cus_1/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
  });

  it('names the missing annotation instead of loading anything', async () => {
    const getCustomerReport = await renderCard(async () => reportFixture(), {
      ...customerEntity,
      metadata: { name: 'plain' },
    });

    expect(
      (await screen.findAllByText(/customer-reporting\/customer-id/)).length,
    ).toBeGreaterThan(0);
    expect(getCustomerReport).not.toHaveBeenCalled();
  });
});

describe('EntityCustomerReportContent', () => {
  withFixedTimeZone();

  it("renders the report cards for the entity's customer", async () => {
    const getCustomerReport = await renderCard(
      async () => reportFixture(),
      customerEntity,
      <EntityCustomerReportContent />,
    );

    expect(await screen.findByText('Manage customer')).toBeInTheDocument();
    expect(screen.getByText('Instances')).toBeInTheDocument();
    expect(getCustomerReport).toHaveBeenCalledWith('cus_1', expect.anything());
  });
});
