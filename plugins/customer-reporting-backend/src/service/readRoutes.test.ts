import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const H = 3600_000;
const DAY = 24 * H;
// The backend runs on the real clock; data sits on a recent day and requests pin asOf.
const day = Math.floor(Date.now() / DAY) * DAY - 10 * DAY;
const at = (hours: number) => new Date(day + hours * H).toISOString();

async function startWithData(databaseId: TestDatabaseId) {
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      mockServices.database.factory({ knex: await databases.init(databaseId) }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  const service = mockCredentials.service.header();
  const send = (method: 'put' | 'post', path: string, body: object) =>
    request(server)
      [method](`${base}${path}`)
      .set('Authorization', service)
      .send(body)
      .expect(200);
  await send('put', '/v1/apps/test-app', TEST_APP);
  await send(
    'put',
    '/v1/customers/c1',
    testCustomer({ name: 'Acme, "Inc"', createdAt: at(-24) }),
  );
  await send('post', '/v1/check-ins', {
    checkIns: [
      {
        instanceId: 'inst-1',
        customerId: 'c1',
        at: at(0),
        appStatus: 'missing',
        appVersion: '1.0.0',
        releaseSequence: 1,
        customMetrics: { users: 3 },
      },
      {
        instanceId: 'inst-1',
        customerId: 'c1',
        at: at(1),
        appStatus: 'ready',
        cloudRegion: 'eu',
      },
      {
        instanceId: 'inst-1',
        customerId: 'c1',
        at: at(6),
        appStatus: 'degraded',
        customMetrics: { users: 4 },
      },
      {
        instanceId: 'inst-1',
        customerId: 'c1',
        at: at(9),
        appStatus: 'ready',
        tags: { name: '=cmd' },
      },
    ],
  });
  await send('post', '/v1/install-attempt-events', {
    events: [
      {
        attemptId: 'a-old',
        customerId: 'c1',
        type: 'started',
        at: at(-2),
        installType: 'linux',
      },
      {
        attemptId: 'a-old',
        customerId: 'c1',
        type: 'failed',
        at: at(-1.5),
        reason: 'disk full',
      },
      {
        attemptId: 'a-new',
        customerId: 'c1',
        type: 'started',
        at: at(-1),
        installType: 'helm',
      },
      {
        attemptId: 'a-new',
        customerId: 'c1',
        type: 'completed',
        at: at(-0.5),
        instanceId: 'inst-1',
      },
    ],
  });
  return { server, user: mockCredentials.user.header() };
}

describe.each(databases.eachSupportedId())('read routes on %p', databaseId => {
  it('serves instance details with insights and custom metrics', async () => {
    const { server, user } = await startWithData(databaseId);
    const res = await request(server)
      .get(`${base}/v1/instances/inst-1?asOf=${at(10)}`)
      .set('Authorization', user)
      .expect(200);
    expect(res.body).toMatchObject({
      instance: {
        id: 'inst-1',
        status: 'ready',
        appVersion: '1.0.0',
        versionsBehind: 1,
        name: '=cmd',
        cloudRegion: 'eu',
      },
      customer: { id: 'c1' },
      insights: {
        instanceTimeToInstallSeconds: 3600,
        licenseTimeToInstallSeconds: 25 * 3600,
        versionsBehind: 1,
      },
      customMetrics: { users: 4 },
    });
    await request(server)
      .get(`${base}/v1/instances/nope`)
      .set('Authorization', user)
      .expect(404);
    // Not yet seen at asOf.
    await request(server)
      .get(`${base}/v1/instances/inst-1?asOf=${at(-1)}`)
      .set('Authorization', user)
      .expect(404);
  });

  it('serves uptime buckets for a range with event counts', async () => {
    const { server, user } = await startWithData(databaseId);
    const res = await request(server)
      .get(`${base}/v1/instances/inst-1/uptime?range=2d&asOf=${at(12)}`)
      .set('Authorization', user)
      .expect(200);
    expect(res.body.range).toBe('2d');
    expect(res.body.buckets).toHaveLength(48);
    // 11 h observed with status: 0-1 missing, 1-6 ready, 6-9 degraded, 9-12 ready
    expect(res.body.ratio).toBeCloseTo(11 / 12, 10);
    const first = res.body.buckets.findIndex(
      (b: { start: string }) => b.start === at(0),
    );
    expect(res.body.buckets[first]).toMatchObject({ down: 1, events: 4 }); // status, version, sequence, metric
    expect(res.body.buckets[first + 6]).toMatchObject({
      degraded: 1,
      events: 2,
    });
    await request(server)
      .get(`${base}/v1/instances/inst-1/uptime?range=3w`)
      .set('Authorization', user)
      .expect(400);
    const all = await request(server)
      .get(`${base}/v1/instances/inst-1/uptime?range=all&asOf=${at(12)}`)
      .set('Authorization', user)
      .expect(200);
    expect(all.body.buckets.length).toBeGreaterThan(0);
  });

  it('pages instance events newest first, filtered by category', async () => {
    const { server, user } = await startWithData(databaseId);
    const first = await request(server)
      .get(`${base}/v1/instances/inst-1/events?limit=3&asOf=${at(10)}`)
      .set('Authorization', user)
      .expect(200);
    expect(first.body.items.map((e: { field: string }) => e.field)).toEqual([
      'appStatus',
      'tags',
      'appStatus',
    ]);
    expect(first.body.items[0]).toMatchObject({
      at: at(9),
      label: 'App status',
      category: 'status',
      value: 'ready',
      previousValue: 'degraded',
    });
    const rest = await request(server)
      .get(
        `${base}/v1/instances/inst-1/events?limit=50&cursor=${
          first.body.nextCursor
        }&asOf=${at(10)}`,
      )
      .set('Authorization', user)
      .expect(200);
    expect(rest.body.nextCursor).toBeNull();
    expect(first.body.items.length + rest.body.items.length).toBe(10);
    const metrics = await request(server)
      .get(
        `${base}/v1/instances/inst-1/events?category=custom-metrics&asOf=${at(
          10,
        )}`,
      )
      .set('Authorization', user)
      .expect(200);
    expect(metrics.body.items).toEqual([
      expect.objectContaining({
        field: 'metric:users',
        label: 'users',
        value: 4,
        previousValue: 3,
      }),
      expect.objectContaining({
        field: 'metric:users',
        value: 3,
        previousValue: null,
      }),
    ]);
  });

  it('lists install attempts across customers with filters and a cursor', async () => {
    const { server, user } = await startWithData(databaseId);
    const res = await request(server)
      .get(`${base}/v1/install-attempts?limit=1&asOf=${at(0)}`)
      .set('Authorization', user)
      .expect(200);
    expect(res.body).toMatchObject({
      totalCount: 2,
      items: [
        {
          id: 'a-new',
          status: 'succeeded',
          durationSeconds: 1800,
          customer: { id: 'c1' },
        },
      ],
    });
    const next = await request(server)
      .get(
        `${base}/v1/install-attempts?limit=1&asOf=${at(0)}&cursor=${
          res.body.nextCursor
        }`,
      )
      .set('Authorization', user)
      .expect(200);
    expect(next.body.items).toMatchObject([
      {
        id: 'a-old',
        status: 'failed',
        reason: 'disk full',
        failedStep: 'started',
      },
    ]);
    const failed = await request(server)
      .get(
        `${base}/v1/install-attempts?status=failed,stalled&installType=linux&asOf=${at(
          0,
        )}`,
      )
      .set('Authorization', user)
      .expect(200);
    expect(failed.body.items.map((a: { id: string }) => a.id)).toEqual([
      'a-old',
    ]);
    // Seen from 15 minutes after it started, before it completed.
    const during = await request(server)
      .get(`${base}/v1/install-attempts?customerId=c1&asOf=${at(-0.75)}`)
      .set('Authorization', user)
      .expect(200);
    expect(during.body.items[0]).toMatchObject({
      id: 'a-new',
      status: 'in-progress',
    });
    await request(server)
      .get(`${base}/v1/install-attempts?status=bogus`)
      .set('Authorization', user)
      .expect(400);
  });

  it('serves the fleet audit figures with the list filters', async () => {
    const { server, user } = await startWithData(databaseId);
    const get = (path: string) =>
      request(server).get(`${base}${path}`).set('Authorization', user);
    const summary = await get(
      `/v1/install-attempts/summary?asOf=${at(0)}`,
    ).expect(200);
    expect(summary.body).toMatchObject({
      total: 2,
      succeeded: 1,
      failed: 1,
      successRate: 0.5,
      medianDurationSeconds: 1800,
    });
    const linux = await get(
      `/v1/install-attempts/funnel?installType=linux&asOf=${at(0)}`,
    ).expect(200);
    expect(
      linux.body.installTypes.map(
        (t: { installType: string }) => t.installType,
      ),
    ).toEqual(['linux']);
    const groups = await get(
      `/v1/install-attempts/failure-groups?asOf=${at(0)}`,
    ).expect(200);
    expect(groups.body.items).toMatchObject([
      { status: 'failed', reason: 'disk full', count: 1 },
    ]);
    const trend = await get(`/v1/install-attempts/trend?asOf=${at(0)}`).expect(
      200,
    );
    expect(
      trend.body.weeks.reduce(
        (n: number, w: { attempts: number }) => n + w.attempts,
        0,
      ),
    ).toBe(2);
    const tti = await get(
      `/v1/time-to-install/stats?groupBy=channel&asOf=${at(10)}`,
    ).expect(200);
    expect(tti.body.groups).toEqual([
      {
        key: 'test-app/stable',
        customers: 1,
        license: { median: 90000, p90: 90000 },
        instance: { median: 3600, p90: 3600 },
      },
    ]);
    await get('/v1/time-to-install/stats?groupBy=region').expect(400);
    await get('/v1/install-attempts/summary?status=nope').expect(400);
    await request(server)
      .get(`${base}/v1/install-attempts/summary`)
      .expect(401);
  });

  it('streams the CSV exports', async () => {
    const { server, user } = await startWithData(databaseId);
    const customers = await request(server)
      .get(`${base}/v1/exports/customers.csv?asOf=${at(10)}`)
      .set('Authorization', user)
      .expect(200);
    expect(customers.headers['content-type']).toContain('text/csv');
    expect(customers.headers['access-control-expose-headers']).toBe(
      'Content-Disposition',
    );
    const [header, row] = customers.text.trim().split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual([
      '"customer_id"',
      '"customer_name"',
      '"customer_created_date"',
    ]);
    expect(row).toContain('"c1","Acme, ""Inc"""');

    const instances = await request(server)
      .get(`${base}/v1/exports/customers-instances.csv?asOf=${at(10)}`)
      .set('Authorization', user)
      .expect(200);
    const lines = instances.text.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    const columns = lines[0].replace(/"/g, '').split(',');
    expect(columns).toEqual(
      expect.arrayContaining([
        'instance_id',
        'instance_is_active',
        'instance_first_reported_at',
        'instance_first_ready_at',
      ]),
    );
    expect(lines[1]).toContain(
      `"inst-1","'=cmd",true,false,false,"${at(0)}","${at(1)}","${at(
        9,
      )}",3600,90000,"ready","1.0.0"`,
    );

    const attempts = await request(server)
      .get(
        `${base}/v1/exports/install-attempts.csv?status=failed&asOf=${at(0)}`,
      )
      .set('Authorization', user)
      .expect(200);
    expect(attempts.text.trim().split('\r\n')).toHaveLength(2);
    expect(attempts.text).toContain('"a-old","c1"');
    await request(server).get(`${base}/v1/exports/customers.csv`).expect(401);
  });
});
