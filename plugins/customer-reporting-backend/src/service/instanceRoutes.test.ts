import request from 'supertest';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { at, startWithReadData } from '../__testUtils__/readRouteData';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';

async function startWithData(databaseId: TestDatabaseId) {
  return startWithReadData(await databases.init(databaseId));
}

describe.each(databases.eachSupportedId())(
  'instance routes on %p',
  databaseId => {
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
  },
);
