import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { CustomerReportingClient } from './CustomerReportingClient';
import { API_URL, fakeBackend } from '../__testUtils__/fakeBackend';

/**
 * The report, instance, uptime, event, install attempt and export routes.
 * Answers are opaque here: the client passes them through, so what matters
 * is the exact URL it builds and that it returns the parsed body.
 */
describe('CustomerReportingClient read routes', () => {
  const { server, apis, captureGets } = fakeBackend();
  const client = new CustomerReportingClient(apis);

  it('gets a customer report with its flags and asOf', async () => {
    const urls = captureGets({ customer: { id: 'cus_1' } });

    await expect(
      client.getCustomerReport('cus_1', {
        includeInactive: true,
        includeArchived: false,
        asOf: '2025-06-01T00:00:00Z',
      }),
    ).resolves.toEqual({ customer: { id: 'cus_1' } });

    expect(urls).toEqual([
      `${API_URL}/v1/customers/cus_1/report?includeInactive=true&includeArchived=false&asOf=2025-06-01T00%3A00%3A00Z`,
    ]);
  });

  it('gets a customer report without a query string by default', async () => {
    const urls = captureGets();

    await client.getCustomerReport('cus_1');

    expect(urls).toEqual([`${API_URL}/v1/customers/cus_1/report`]);
  });

  it('escapes ids in the path', async () => {
    const urls = captureGets();

    await client.getCustomerReport('a/b c');

    expect(urls).toEqual([`${API_URL}/v1/customers/a%2Fb%20c/report`]);
  });

  it('gets the adoption of an app, its channel and range', async () => {
    const urls = captureGets({ appSlug: 'nimbus' });

    await expect(
      client.getAppAdoption('nimbus', { channelSlug: 'stable', range: '1y' }),
    ).resolves.toEqual({ appSlug: 'nimbus' });
    await client.getAppAdoption('a/b');

    expect(urls).toEqual([
      `${API_URL}/v1/apps/nimbus/adoption?channelSlug=stable&range=1y`,
      `${API_URL}/v1/apps/a%2Fb/adoption`,
    ]);
  });

  it('gets the customer figures of an app', async () => {
    const urls = captureGets({ customers: 3 });

    await expect(client.getAppCustomerFigures('nimbus')).resolves.toEqual({
      customers: 3,
    });
    await client.getAppCustomerFigures('nimbus', {
      asOf: '2025-06-01T00:00:00Z',
    });

    expect(urls).toEqual([
      `${API_URL}/v1/apps/nimbus/customer-figures`,
      `${API_URL}/v1/apps/nimbus/customer-figures?asOf=2025-06-01T00%3A00%3A00Z`,
    ]);
  });

  it('gets instance details', async () => {
    const urls = captureGets({ instance: { id: 'ins_1' } });

    await expect(client.getInstance('ins_1')).resolves.toEqual({
      instance: { id: 'ins_1' },
    });
    await client.getInstance('ins_1', { asOf: '2025-06-01T00:00:00Z' });

    expect(urls).toEqual([
      `${API_URL}/v1/instances/ins_1`,
      `${API_URL}/v1/instances/ins_1?asOf=2025-06-01T00%3A00%3A00Z`,
    ]);
  });

  it('gets the uptime of a range', async () => {
    const urls = captureGets({ range: '90d', ratio: 1, buckets: [] });

    await expect(
      client.getInstanceUptime('ins_1', { range: '90d' }),
    ).resolves.toEqual({ range: '90d', ratio: 1, buckets: [] });
    await client.getInstanceUptime('ins_1');

    expect(urls).toEqual([
      `${API_URL}/v1/instances/ins_1/uptime?range=90d`,
      `${API_URL}/v1/instances/ins_1/uptime`,
    ]);
  });

  it('lists instance events with category, limit and cursor', async () => {
    const urls = captureGets({ items: [], nextCursor: null });

    await expect(
      client.listInstanceEvents('ins_1', {
        category: 'custom-metrics',
        limit: 25,
        cursor: 'c2',
      }),
    ).resolves.toEqual({ items: [], nextCursor: null });

    expect(urls).toEqual([
      `${API_URL}/v1/instances/ins_1/events?category=custom-metrics&limit=25&cursor=c2`,
    ]);
  });

  it('lists install attempts with every filter, statuses comma-joined', async () => {
    const urls = captureGets({
      items: [],
      totalCount: 0,
      nextCursor: null,
    });

    await client.listInstallAttempts({
      appSlug: 'app-a',
      channelSlug: 'stable',
      customerId: 'cus_1',
      status: ['failed', 'stalled'],
      installType: 'helm',
      networkMode: 'airgap',
      registry: 'offline',
      k8sDistribution: 'eks',
      os: 'ubuntu',
      appVersion: '1.2.3',
      from: '2025-01-01T00:00:00Z',
      to: '2025-02-01T00:00:00Z',
      limit: 20,
      cursor: 'c1',
    });

    const url = new URL(urls[0]);
    expect(url.pathname).toBe('/api/customer-reporting/v1/install-attempts');
    expect(url.search).toBe(
      '?appSlug=app-a&channelSlug=stable&customerId=cus_1&status=failed%2Cstalled&installType=helm&networkMode=airgap&registry=offline&k8sDistribution=eks&os=ubuntu&appVersion=1.2.3&from=2025-01-01T00%3A00%3A00Z&to=2025-02-01T00%3A00%3A00Z&limit=20&cursor=c1',
    );
  });

  it('leaves out an empty status list', async () => {
    const urls = captureGets({
      items: [],
      totalCount: 0,
      nextCursor: null,
    });

    await client.listInstallAttempts({ status: [], customerId: 'cus_1' });

    expect(urls).toEqual([`${API_URL}/v1/install-attempts?customerId=cus_1`]);
  });

  it('downloads the three CSV exports as blobs', async () => {
    const urls = captureGets('id,name\ncus_1,Acme\n');

    const customers = await client.exportCustomersCsv();
    await client.exportCustomerInstancesCsv({ asOf: '2025-06-01T00:00:00Z' });
    await client.exportInstallAttemptsCsv({
      customerId: 'cus_1',
      status: ['failed'],
    });

    expect(await customers.text()).toBe('id,name\ncus_1,Acme\n');
    expect(urls).toEqual([
      `${API_URL}/v1/exports/customers.csv`,
      `${API_URL}/v1/exports/customers-instances.csv?asOf=2025-06-01T00%3A00%3A00Z`,
      `${API_URL}/v1/exports/install-attempts.csv?customerId=cus_1&status=failed`,
    ]);
  });

  it('throws a ResponseError for an unknown instance', async () => {
    server.use(
      http.get(`${API_URL}/v1/instances/:id`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'no instance nope' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const error = await client.getInstance('nope').then(
      () => undefined,
      e => e,
    );

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.message).toBe('no instance nope');
  });

  it('throws a ResponseError when an export fails instead of saving the error', async () => {
    server.use(
      http.get(`${API_URL}/v1/exports/customers.csv`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'not allowed' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );

    await expect(client.exportCustomersCsv()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });
});
