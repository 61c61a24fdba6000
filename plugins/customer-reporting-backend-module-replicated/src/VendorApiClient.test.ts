import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import {
  API_TOKEN,
  BASE_URL,
  fakeVendorApi,
  NOW,
  testLogger,
} from './__testUtils__/fakeVendorApi';
import { parseRetryAfter } from './retryAfter';
import { VendorApiClient } from './VendorApiClient';

/** The error a request fails with; a success fails the test. */
const failure = (request: Promise<unknown>) =>
  request.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: ResponseError) => error,
  );

describe('VendorApiClient', () => {
  const { server, requests } = fakeVendorApi();

  function client(options: { maxRetries?: number; timeoutMs?: number } = {}) {
    const waits: number[] = [];
    const c = new VendorApiClient({
      baseUrl: BASE_URL,
      apiToken: API_TOKEN,
      logger: testLogger(),
      sleep: async ms => {
        waits.push(ms);
      },
      clock: () => NOW,
      ...options,
    });
    return { client: c, waits };
  }

  /** Answers the apps route with each response in turn, then the real one. */
  function appsAnswer(...responses: (() => Response)[]) {
    server.use(
      ...responses.map(r => http.get(`${BASE_URL}/apps`, r, { once: true })),
    );
  }

  it('sends the raw token as the Authorization header, without Bearer', async () => {
    await expect(client().client.listApps()).resolves.toEqual(
      expect.objectContaining({ apps: expect.any(Array) }),
    );
    expect(requests).toEqual([{ url: '/apps', authorization: API_TOKEN }]);
  });

  it('fails with a ResponseError on 401 without retrying', async () => {
    const c = new VendorApiClient({
      baseUrl: BASE_URL,
      apiToken: `Bearer ${API_TOKEN}`,
      logger: testLogger(),
    });
    const error = await failure(c.listApps());
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(401);
    expect(requests).toHaveLength(1);
  });

  it('waits as long as Retry-After says on 429, in seconds or as a date', async () => {
    appsAnswer(
      () =>
        new HttpResponse(null, {
          status: 429,
          headers: { 'Retry-After': '3' },
        }),
      () =>
        new HttpResponse(null, {
          status: 429,
          headers: { 'Retry-After': new Date(NOW + 7000).toUTCString() },
        }),
    );
    const { client: c, waits } = client();

    await expect(c.listApps()).resolves.toHaveProperty('apps');

    expect(waits).toEqual([3000, 7000]);
    expect(requests).toHaveLength(3);
  });

  it('backs off exponentially without Retry-After, also on 503', async () => {
    appsAnswer(
      () => new HttpResponse(null, { status: 429 }),
      () => new HttpResponse(null, { status: 503 }),
      () => new HttpResponse(null, { status: 429 }),
    );
    const { client: c, waits } = client();
    await c.listApps();
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('gives up after the bounded number of retries with the last status', async () => {
    server.use(
      http.get(`${BASE_URL}/apps`, () =>
        HttpResponse.json(
          { error: { message: 'slow down' } },
          { status: 429, headers: { 'Retry-After': '1' } },
        ),
      ),
    );
    const { client: c, waits } = client({ maxRetries: 2 });
    const error = await failure(c.listApps());
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(429);
    expect(waits).toEqual([1000, 1000]);
    expect(requests).toHaveLength(3);
  });

  it('retries a 500 and a request that got no answer, and names the route when it gives up', async () => {
    appsAnswer(
      () => new HttpResponse('boom', { status: 500 }),
      () => HttpResponse.error(),
    );
    const { client: c, waits } = client();
    await expect(c.listApps()).resolves.toHaveProperty('apps');
    expect(waits).toEqual([1000, 2000]);

    server.use(http.get(`${BASE_URL}/apps`, () => HttpResponse.error()));
    const offline = client({ maxRetries: 1 });
    const unreachable = await failure(offline.client.listApps());
    expect(unreachable.message).toMatch(/^Vendor API GET \/apps failed: /);
    expect(offline.waits).toEqual([1000]);

    server.use(
      http.get(
        `${BASE_URL}/app/app-1/enterprise-portal/customer-users`,
        () => new HttpResponse(null, { status: 403 }),
      ),
    );
    const forbidden = await failure(
      client().client.listPortalRecords('app-1', 'customer-users', 'c1', {
        Limit: 1,
        Offset: 0,
      }),
    );
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.message).toBe(
      'Vendor API GET /app/app-1/enterprise-portal/customer-users: Request failed with 403 Forbidden',
    );
    // The token is in no error.
    for (const error of [unreachable, forbidden])
      expect(
        JSON.stringify({ m: error.message, s: error.stack }),
      ).not.toContain(API_TOKEN);
  });

  it('gives up a request that does not answer in time, and tries again', async () => {
    appsAnswer(
      () =>
        new Promise<Response>(resolve =>
          setTimeout(() => resolve(HttpResponse.json({ apps: [] })), 2000),
        ) as unknown as Response,
    );
    const { client: c, waits } = client({ timeoutMs: 50 });
    await expect(c.listApps()).resolves.toHaveProperty('apps');
    expect(waits).toEqual([1000]);
  });

  it('does not retry a 404', async () => {
    const { client: c, waits } = client();
    const error = await failure(
      c.listChannelReleases('app-1', 'nowhere', {
        currentPage: 0,
        pageSize: 1,
      }),
    );
    expect(error.statusCode).toBe(404);
    expect(waits).toEqual([]);
  });

  it('reads a 204 answer as nothing', async () => {
    server.use(
      http.get(
        `${BASE_URL}/app/app-1/events`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    await expect(
      client().client.listEvents('app-1', {
        customerIds: ['c1'],
        after: '2024-06-30T00:00:00.000Z',
        before: '2024-07-01T00:00:00.000Z',
      }),
    ).resolves.toBeUndefined();
  });

  it('asks with the query parameters the specification names', async () => {
    const { client: c } = client();
    await c.listCustomers('app-1', { currentPage: 2, pageSize: 100 }, true);
    await c.listCustomers('app-1', { currentPage: 0, pageSize: 100 }, false);
    await c.listEvents('app-1', {
      customerIds: ['c1', 'c2'],
      after: '2024-06-30T00:00:00.000Z',
      before: '2024-07-01T00:00:00.000Z',
    });
    await c.listPortalRecords('app-1', 'install-attempts', 'c1', {
      Limit: 100,
      Offset: 200,
    });
    expect(requests.map(r => r.url)).toEqual([
      '/app/app-1/customers?currentPage=2&pageSize=100&IncludeTest=true',
      '/app/app-1/customers?currentPage=0&pageSize=100',
      '/app/app-1/events?customerIds=c1%2Cc2&after=2024-06-30T00%3A00%3A00.000Z&before=2024-07-01T00%3A00%3A00.000Z',
      '/app/app-1/enterprise-portal/install-attempts?FilterCustomerID=c1&Limit=100&Offset=200',
    ]);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Tue, 02 Jul 2024 12:00:30 GMT', NOW)).toBe(30_000);
    // A date in the past means now.
    expect(parseRetryAfter('Tue, 02 Jul 2024 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});
