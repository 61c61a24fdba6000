import { ConflictError, InputError, ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import {
  CUSTOMER_IDS,
  fixtureCustomer,
  fixtures,
  NIMBUS_APP_ID,
} from './__fixtures__';
import {
  API_TOKEN,
  BASE_URL,
  fakeVendorApi,
  NOW,
  recordingIngest,
  testLogger,
} from './__testUtils__/fakeVendorApi';
import { pathTemplate, queryParameters } from './__testUtils__/vendorApiSpec';
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
  // Pages of two records, whatever the module asks: paging must follow totals.
  const { server, requests } = fakeVendorApi({ maxPageSize: 2 });
  const customersPath = `/app/${NIMBUS_APP_ID}/customers`;
  const eventsPath = `/app/${NIMBUS_APP_ID}/events`;

  async function sync(
    options: Partial<ReplicatedConfig> = {},
    cursor?: string,
    { ingest, calls } = recordingIngest(),
  ) {
    const waits: number[] = [];
    const source = new ReplicatedDataSource(
      { ...config, ...options },
      { clock: () => NOW, sleep: async ms => void waits.push(ms) },
    );
    const logger = testLogger();
    const result = await source
      .sync({ ingest, logger, cursor })
      .catch(error => ({ error }));
    return { result, calls, logger, waits };
  }

  const requested = (prefix: string) =>
    requests.map(r => r.url).filter(u => u.startsWith(prefix));

  it('stores the app with its release history, customers, check-ins, install attempts and portal events', async () => {
    const { result, calls, logger } = await sync();
    expect([...calls.apps.keys()]).toEqual(['nimbus']);
    // Beta's demoted 2.4.0-beta.1.1 is not offered any more: left out.
    expect(
      calls.apps
        .get('nimbus')
        .channels.map((c: any) => c.releases.map((r: any) => r.versionLabel)),
    ).toEqual([
      expect.any(Array),
      ['2.4.0-beta.1', '2.4.0-beta.2'],
      expect.any(Array),
      [],
    ]);
    expect(
      calls.apps.get('nimbus').channels.map((c: any) => c.releases.length),
    ).toEqual([5, 2, 2, 0]);
    expect([...calls.customers.keys()]).toEqual([
      CUSTOMER_IDS.acme,
      CUSTOMER_IDS.globex,
      CUSTOMER_IDS.initech,
      CUSTOMER_IDS.umbrella,
      CUSTOMER_IDS.hooli,
    ]);
    expect(calls.customers.get(CUSTOMER_IDS.hooli)).toEqual(
      expect.objectContaining({ channelSlug: 'edge', archived: true }),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Skipped a malformed customer \(item 1\): createdAt/,
      ),
    );
    // Every request carried the raw token.
    expect(new Set(requests.map(r => r.authorization))).toEqual(
      new Set([API_TOKEN]),
    );
    expect(result).toEqual({
      counts: {
        apps: 1,
        customers: 5,
        instances: 5,
        checkIns: expect.any(Number),
        // Initech's old cluster, archived in the vendor portal.
        instancesArchived: 1,
        // Acme's Helm install: started, 2 steps, completed; the stalled and
        // the discarded Linux tries: 2 each; Umbrella's in progress: 2.
        installAttemptEvents: 10,
        // Users: invited, joined, accessed first and last; one service
        // account (the other is revoked); the first and latest pull;
        // Hooli's air gap bundle download.
        portalEvents: 14,
        // numberVersionsBehind and kurlInstallerSpecID.
        eventsIgnored: 2,
        // The customer without createdAt, the instance without instanceId.
        skipped: 2,
      },
      cursor: JSON.stringify({
        nimbus: {
          at: new Date(NOW).toISOString(),
          customers: [
            CUSTOMER_IDS.acme,
            CUSTOMER_IDS.globex,
            CUSTOMER_IDS.initech,
            CUSTOMER_IDS.umbrella,
            CUSTOMER_IDS.hooli,
          ],
        },
      }),
    });
    expect(calls.archived).toEqual(['b7c8d9e0f1a2']);
    // Check-ins are sent in time order, each (instance, time) once.
    const keys = calls.checkIns.map(c => `${c.instanceId}@${c.at}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(calls.checkIns.map(c => c.at)).toEqual(
      calls.checkIns.map(c => c.at).sort(),
    );
    // Initech's lastActive is 30 minutes ahead of the clock: set to now.
    expect(
      calls.checkIns.filter(c => c.instanceId === 'e1d2c3b4a5f6').at(-1).at,
    ).toBe(new Date(NOW).toISOString());
  });

  it('calls only paths and query parameters of the specification, exactly these', async () => {
    await sync({ includeTest: true });
    const calls = new Set<string>();
    for (const { url } of requests) {
      const [path, query = ''] = url.split('?');
      const template = pathTemplate(path);
      expect(template).toBeDefined();
      const params = [...new URLSearchParams(query).keys()];
      for (const param of params) {
        expect(queryParameters(template!)).toContain(param);
      }
      calls.add(`${template}?${params.join('&')}`);
    }
    expect([...calls].sort()).toEqual([
      '/app/{app_id}/channel/{channel_id}/releases?currentPage&pageSize',
      '/app/{app_id}/customers?currentPage&pageSize&IncludeTest',
      '/app/{app_id}/enterprise-portal/customer-users?FilterCustomerID&Limit&Offset',
      '/app/{app_id}/enterprise-portal/install-attempts?FilterCustomerID&Limit&Offset',
      '/app/{app_id}/enterprise-portal/instances?Limit&Offset',
      '/app/{app_id}/enterprise-portal/service-accounts?FilterCustomerID&Limit&Offset',
      '/app/{app_id}/events?customerIds&after&before',
      '/apps?',
      '/supportbundles?',
    ]);
  });

  it('pages customers by currentPage until totalCustomers, with test customers when configured', async () => {
    const { calls } = await sync({ includeTest: true });
    expect(requested(customersPath)).toEqual(
      // Seven customers in pages of two.
      [0, 1, 2, 3].map(
        page =>
          `${customersPath}?currentPage=${page}&pageSize=100&IncludeTest=true`,
      ),
    );
    expect(calls.customers.get(CUSTOMER_IDS.test)).toEqual(
      expect.objectContaining({ licenseType: 'test' }),
    );
    // Install attempts of Acme come in pages by Offset until the total.
    expect(
      requested(`/app/${NIMBUS_APP_ID}/enterprise-portal/install-attempts`)
        .filter(u => u.includes(CUSTOMER_IDS.acme))
        .map(u => new URL(u, BASE_URL).searchParams.get('Offset')),
    ).toEqual(['0', '2']);
  });

  it('pulls events in windows from the retention limit, then from the cursor', async () => {
    const first = await sync();
    const windows = requested(eventsPath).map(u => {
      const q = new URL(u, BASE_URL).searchParams;
      return [q.get('after'), q.get('before')];
    });
    // 399 days in windows of 30 days, the last one ending now.
    expect(windows).toHaveLength(14);
    expect(windows[0][0]).toBe(new Date(NOW - 399 * DAY).toISOString());
    expect(windows.at(-1)![1]).toBe(new Date(NOW).toISOString());
    windows.slice(1).forEach(([after], i) => expect(after).toBe(windows[i][1]));

    requests.length = 0;
    const cursor = (first.result as { cursor: string }).cursor;
    await sync({}, cursor);
    expect(requested(eventsPath)).toEqual([
      `${eventsPath}?customerIds=${[
        CUSTOMER_IDS.acme,
        CUSTOMER_IDS.globex,
        CUSTOMER_IDS.initech,
        CUSTOMER_IDS.umbrella,
        CUSTOMER_IDS.hooli,
      ].join('%2C')}&after=${encodeURIComponent(
        new Date(NOW - 3_600_000).toISOString(),
      )}&before=${encodeURIComponent(new Date(NOW).toISOString())}`,
    ]);
  });

  it('skips a customer whose license ID changed upstream, and syncs the others', async () => {
    // The portal keeps a customer's license ID for good (409, domain §1).
    const refusing = recordingIngest();
    const put = refusing.ingest.putCustomer;
    refusing.ingest.putCustomer = async (id, body) => {
      if (id === CUSTOMER_IDS.globex)
        throw new ConflictError(
          `licenseId: customer ${id} already has another license ID`,
        );
      return put(id, body);
    };
    const { result, calls } = await sync({}, undefined, refusing);
    expect([...calls.customers.keys()]).not.toContain(CUSTOMER_IDS.globex);
    expect(calls.customers.size).toBe(4);
    expect((result as { counts: Record<string, number> }).counts).toMatchObject(
      { customers: 4, skipped: 3 },
    );
  });

  it('pulls the events of a customer left out of the last sync from the retention limit', async () => {
    // Globex is refused once (say, its channel was not known yet).
    const refusing = recordingIngest();
    const put = refusing.ingest.putCustomer;
    refusing.ingest.putCustomer = async (id, body) => {
      if (id === CUSTOMER_IDS.globex) throw new InputError('channelSlug: x');
      return put(id, body);
    };
    const first = await sync({}, undefined, refusing);
    const cursor = (first.result as { cursor: string }).cursor;
    expect(JSON.parse(cursor).nimbus.customers).not.toContain(
      CUSTOMER_IDS.globex,
    );
    requests.length = 0;
    const second = await sync({}, cursor);
    const asked = requested(eventsPath).map(u => {
      const q = new URL(u, BASE_URL).searchParams;
      return { ids: q.get('customerIds')!.split(','), after: q.get('after') };
    });
    // The others since the cursor, in one window; Globex from the limit.
    expect(asked[0]).toEqual({
      ids: [
        CUSTOMER_IDS.acme,
        CUSTOMER_IDS.initech,
        CUSTOMER_IDS.umbrella,
        CUSTOMER_IDS.hooli,
      ],
      after: new Date(NOW - 3_600_000).toISOString(),
    });
    expect(asked.slice(1)).toHaveLength(14);
    expect(asked[1]).toEqual({
      ids: [CUSTOMER_IDS.globex],
      after: new Date(NOW - 399 * DAY).toISOString(),
    });
    // So its status history is stored, not only its status at lastActive.
    const globexStatuses = (id: string) =>
      second.calls.checkIns.filter(c => c.instanceId === id && c.appStatus);
    expect(globexStatuses('3c5e7a9b1d2f').length).toBeGreaterThan(1);
    expect(
      JSON.parse((second.result as any).cursor).nimbus.customers,
    ).toContain(CUSTOMER_IDS.globex);
  });

  it('reads a cursor of the older form, a time alone, as none: a full pull', async () => {
    await sync({}, JSON.stringify({ nimbus: new Date(NOW).toISOString() }));
    expect(requested(eventsPath)).toHaveLength(14);
  });

  it('backs off on 429 as Retry-After says and completes the sync', async () => {
    server.use(
      http.get(
        `${BASE_URL}${customersPath}`,
        () =>
          HttpResponse.json(
            { message: 'rate limited' },
            { status: 429, headers: { 'Retry-After': '2' } },
          ),
        { once: true },
      ),
    );
    const { result, waits } = await sync();
    expect(waits).toEqual([2000]);
    expect((result as any).counts.customers).toBe(5);
  });

  it('fails when the API stays unavailable, after the bounded retries, having written nothing', async () => {
    server.use(
      http.get(
        `${BASE_URL}${eventsPath}`,
        () => new HttpResponse('upstream connect error', { status: 503 }),
      ),
    );
    const { result, calls } = await sync();
    const { error } = result as { error: ResponseError };
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
    expect(requested(eventsPath)).toHaveLength(6);
    // Everything is pulled before anything is written.
    expect(calls.apps.size + calls.customers.size).toBe(0);
  });

  it('syncs without support bundles and portal instances when the token may not read them (403)', async () => {
    server.use(
      http.get(
        `${BASE_URL}/app/${NIMBUS_APP_ID}/enterprise-portal/instances`,
        () => HttpResponse.json({ message: 'Forbidden' }, { status: 403 }),
      ),
      http.get(`${BASE_URL}/supportbundles`, () =>
        HttpResponse.json({ message: 'Forbidden' }, { status: 403 }),
      ),
    );
    const { result } = await sync();
    expect((result as any).counts).toEqual(
      expect.objectContaining({ customers: 5, portalEvents: 12 }),
    );
  });

  it("reads the team's support bundles once for all apps of a sync", async () => {
    // The second app gets one Enterprise Portal customer: both apps then
    // need the team's bundles.
    const orbit = (
      fixtures.apps as { apps: { id: string; slug: string }[] }
    ).apps.find(a => a.slug === 'orbit')!;
    const acme = fixtureCustomer(CUSTOMER_IDS.acme);
    server.use(
      http.get(`${BASE_URL}/app/${orbit.id}/customers`, () =>
        HttpResponse.json({
          customers: [{ ...acme, id: 'orbitPortalCustomer1' }],
          totalCustomers: 1,
        }),
      ),
    );
    const { result, calls } = await sync({ appSlugs: ['nimbus', 'orbit'] });
    expect(result).not.toHaveProperty('error');
    expect(calls.customers.has('orbitPortalCustomer1')).toBe(true);
    expect(requested(`/app/${orbit.id}/enterprise-portal/`)).not.toEqual([]);
    expect(requested('/supportbundles')).toHaveLength(1);
  });

  it('fails when none of the configured apps exists', async () => {
    const { result } = await sync({ appSlugs: ['nope'] });
    expect((result as { error: Error }).error.message).toMatch(
      'None of the apps in customerReporting.replicated.appSlugs (nope) exists',
    );
  });
});
