import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { CUSTOMER_IDS, fixtures, NIMBUS_APP_ID } from './__fixtures__';
import {
  API_TOKEN,
  BASE_URL,
  fakeVendorApi,
  NOW,
  recordingIngest,
  testLogger,
} from './__testUtils__/fakeVendorApi';
import { ReplicatedConfig } from './config';
import { ReplicatedDataSource } from './ReplicatedDataSource';

const DAY = 86_400_000;

const config: ReplicatedConfig = {
  apiToken: API_TOKEN,
  appSlugs: ['nimbus'],
  baseUrl: BASE_URL,
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 15 } },
  includeTest: false,
  checkInRetentionMs: 400 * DAY,
};

describe('ReplicatedDataSource', () => {
  const { server, requests } = fakeVendorApi();
  const customersPath = `/app/${NIMBUS_APP_ID}/customers`;
  const eventsPath = `/app/${NIMBUS_APP_ID}/events`;

  async function sync(
    options: Partial<ReplicatedConfig> = {},
    cursor?: string,
  ) {
    const waits: number[] = [];
    const source = new ReplicatedDataSource(
      { ...config, ...options },
      { clock: () => NOW, sleep: async ms => void waits.push(ms) },
    );
    const { ingest, calls } = recordingIngest();
    const logger = testLogger();
    const result = await source.sync({ ingest, logger, cursor });
    return { result, calls, logger, waits };
  }

  const requested = (prefix: string) =>
    requests.map(r => r.url).filter(u => u.startsWith(prefix));

  it('stores the app, its customers, check-ins and install attempts', async () => {
    const { result, calls, logger } = await sync();

    expect([...calls.apps.keys()]).toEqual(['nimbus']);
    expect([...calls.customers.keys()]).toEqual([
      CUSTOMER_IDS.acme,
      CUSTOMER_IDS.globex,
      CUSTOMER_IDS.initech,
      CUSTOMER_IDS.umbrella,
      CUSTOMER_IDS.hooli,
    ]);
    expect(calls.customers.get(CUSTOMER_IDS.hooli)).toEqual(
      expect.objectContaining({ channelSlug: 'edge', licenseType: 'paid' }),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Skipped a malformed customer \(item 0\): createdat/,
      ),
    );
    // Every request carried the raw token.
    expect(new Set(requests.map(r => r.authorization))).toEqual(
      new Set([API_TOKEN]),
    );
    expect(result.counts).toEqual({
      apps: 1,
      customers: 5,
      instances: 5,
      // 16 distinct (instance, time) from the instance records (Initech's
      // three future times become one at now), 4 more from events.
      checkIns: 20,
      checkInsTooOld: 2,
      installAttemptEvents: 9,
      eventsIgnored: 1,
      // A customer, an instance, an event and an install attempt.
      skipped: 4,
    });
    // Check-ins are sent in time order, each (instance, time) once.
    const keys = calls.checkIns.map(c => `${c.instanceId}@${c.at}`);
    expect(new Set(keys).size).toBe(keys.length);
    const acmeNow = calls.checkIns.find(
      c =>
        c.instanceId === '7f3b2c9e1a4d' && c.at === '2024-07-02T11:40:00.000Z',
    );
    expect(acmeNow).toEqual(
      expect.objectContaining({
        appStatus: 'ready',
        tags: { name: 'prod-eu', env: 'production' },
      }),
    );
    // Initech's lastActive is 30 minutes ahead of the clock: set to now.
    expect(
      calls.checkIns.filter(c => c.instanceId === 'e1d2c3b4a5f6').at(-1).at,
    ).toBe(new Date(NOW).toISOString());
  });

  it('pages customers until the count reaches totalCustomers', async () => {
    await sync();
    expect(requested(customersPath)).toEqual([
      `${customersPath}?currentPage=0`,
      `${customersPath}?currentPage=1`,
    ]);
  });

  it('pages customers until an empty page when no total is given, with test customers when configured', async () => {
    const all = fixtures.customers[NIMBUS_APP_ID];
    server.use(
      http.get(`${BASE_URL}${customersPath}`, ({ request }) => {
        const page = Number(
          new URL(request.url).searchParams.get('currentPage'),
        );
        // Three per page, and no totalCustomers.
        return HttpResponse.json({
          customers: all.slice(page * 3, page * 3 + 3),
        });
      }),
    );
    const { calls } = await sync({ includeTest: true });
    expect(requested(customersPath)).toEqual(
      [0, 1, 2, 3].map(
        page => `${customersPath}?currentPage=${page}&includeTest=true`,
      ),
    );
    expect(calls.customers.get(CUSTOMER_IDS.test)).toEqual(
      expect.objectContaining({
        name: 'QA Test Customer',
        licenseType: 'test',
      }),
    );
  });

  it('pulls events incrementally from the date of the last successful sync', async () => {
    const first = await sync();
    const oldest = new Date(NOW - 399 * DAY).toISOString().slice(0, 10);
    expect(requested(eventsPath)).toEqual([
      `${eventsPath}?after=${oldest}&customerIds=${[
        CUSTOMER_IDS.acme,
        CUSTOMER_IDS.globex,
        CUSTOMER_IDS.initech,
        CUSTOMER_IDS.umbrella,
        CUSTOMER_IDS.hooli,
      ].join('%2C')}`,
    ]);
    expect(JSON.parse(first.result.cursor!)).toEqual({ nimbus: '2024-07-02' });
    const globexEvents = (calls: typeof first.calls) =>
      calls.checkIns.filter(
        c => c.instanceId === '3c5e7a9b1d2f' && c.appStatus,
      );

    requests.length = 0;
    const second = await sync({}, first.result.cursor);
    expect(requested(eventsPath)[0]).toMatch(
      new RegExp(`^${eventsPath}\\?after=2024-07-01&`),
    );
    // Only the current state of Globex's instance has a status now: the
    // status events are older than the day before the cursor.
    expect(globexEvents(first.calls)).toHaveLength(6);
    expect(globexEvents(second.calls)).toHaveLength(1);
    expect(JSON.parse(second.result.cursor!)).toEqual({ nimbus: '2024-07-02' });
  });

  it('backs off on 429 as Retry-After says and completes the sync', async () => {
    server.use(
      http.get(
        `${BASE_URL}${customersPath}`,
        () =>
          HttpResponse.json(
            { error: { message: 'rate limited' } },
            { status: 429, headers: { 'Retry-After': '2' } },
          ),
        { once: true },
      ),
    );
    const { result, waits } = await sync();
    expect(waits).toEqual([2000]);
    expect(result.counts?.customers).toBe(5);
    expect(requested(customersPath)).toEqual([
      `${customersPath}?currentPage=0`,
      `${customersPath}?currentPage=0`,
      `${customersPath}?currentPage=1`,
    ]);
  });

  it('fails when the API stays unavailable, after the bounded retries', async () => {
    server.use(
      http.get(
        `${BASE_URL}${eventsPath}`,
        () => new HttpResponse('upstream connect error', { status: 503 }),
      ),
    );
    const error = await sync().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
    expect(requested(eventsPath)).toHaveLength(6);
  });

  it('fails when none of the configured apps exists', async () => {
    await expect(sync({ appSlugs: ['nope'] })).rejects.toThrow(
      'None of the apps in customerReporting.replicated.appSlugs (nope) exists',
    );
  });
});
