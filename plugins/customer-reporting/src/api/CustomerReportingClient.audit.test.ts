import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { CustomerReportingClient } from './CustomerReportingClient';
import { API_URL, fakeBackend } from '../__testUtils__/fakeBackend';

/**
 * The fleet install audit routes (summary, funnel, failure groups, trend,
 * time to install stats) and the sorted attempt list: what matters is the
 * exact URL, since every figure must be computed over the page's filters.
 */
describe('CustomerReportingClient install audit routes', () => {
  const { server, apis, captureGets } = fakeBackend();
  const client = new CustomerReportingClient(apis);

  const filters = {
    appSlug: 'nimbus',
    channelSlug: 'stable',
    status: ['failed' as const, 'stalled' as const],
    installType: 'helm' as const,
    networkMode: 'airgap' as const,
    registry: 'offline' as const,
    k8sDistribution: 'eks',
    os: 'ubuntu',
    appVersion: '2.11.0',
    from: '2025-06-01T00:00:00.000Z',
    to: '2025-07-01T00:00:00.000Z',
  };
  const filterQuery =
    'appSlug=nimbus&channelSlug=stable&status=failed%2Cstalled&installType=helm' +
    '&networkMode=airgap&registry=offline&k8sDistribution=eks&os=ubuntu' +
    '&appVersion=2.11.0&from=2025-06-01T00%3A00%3A00.000Z&to=2025-07-01T00%3A00%3A00.000Z';

  // Each audit figure by its route name, called with the same filters.
  const audit: Record<string, (q: typeof filters) => Promise<unknown>> = {
    summary: q => client.getInstallAttemptSummary(q),
    funnel: q => client.getInstallAttemptFunnel(q),
    'failure-groups': q => client.getInstallAttemptFailureGroups(q),
    trend: q => client.getInstallAttemptTrend(q),
  };

  it.each(Object.keys(audit))('gets the %s with every filter', async route => {
    const urls = captureGets({ route });

    await expect(audit[route](filters)).resolves.toEqual({
      route,
    });

    expect(urls).toEqual([
      `${API_URL}/v1/install-attempts/${route}?${filterQuery}`,
    ]);
  });

  it('sends no query string for the summary without filters', async () => {
    const urls = captureGets();

    await client.getInstallAttemptSummary();
    await client.getInstallAttemptTrend({ status: [] });

    expect(urls).toEqual([
      `${API_URL}/v1/install-attempts/summary`,
      `${API_URL}/v1/install-attempts/trend`,
    ]);
  });

  it('gets time to install stats grouped as asked', async () => {
    const urls = captureGets({ groups: [] });

    await expect(
      client.getTimeToInstallStats({
        groupBy: 'appVersion',
        asOf: '2025-06-01T00:00:00Z',
      }),
    ).resolves.toEqual({ groups: [] });
    await client.getTimeToInstallStats();

    expect(urls).toEqual([
      `${API_URL}/v1/time-to-install/stats?groupBy=appVersion&asOf=2025-06-01T00%3A00%3A00Z`,
      `${API_URL}/v1/time-to-install/stats`,
    ]);
  });

  it('lists attempts sorted, with filters, page size and cursor', async () => {
    const urls = captureGets({ items: [], totalCount: 0 });

    await client.listInstallAttempts({
      status: ['failed'],
      installType: 'linux',
      sort: 'duration',
      order: 'asc',
      limit: 50,
      cursor: 'abc',
    });

    expect(urls).toEqual([
      `${API_URL}/v1/install-attempts?status=failed&installType=linux&sort=duration&order=asc&limit=50&cursor=abc`,
    ]);
  });

  it('turns a 400 into a ResponseError with the backend message', async () => {
    server.use(
      http.get(`${API_URL}/v1/install-attempts/funnel`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'from: bad time' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    const error = await client
      .getInstallAttemptFunnel({ from: 'x' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe('from: bad time');
  });
});
