import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { startTimelineBackend } from '../__testUtils__/timelineBackend';

jest.setTimeout(120_000);

/*
 * The worked examples of the domain spec, end to end through the HTTP API:
 * ingest the timeline, then read with asOf.
 */
const databases = TestDatabases.create();

async function start(databaseId: TestDatabaseId, createdAt: string) {
  return startTimelineBackend(await databases.init(databaseId), createdAt);
}

describe.each(databases.eachSupportedId())(
  'worked examples through HTTP on %p',
  databaseId => {
    it('example 1: instance TTI 1 h 30 min, license TTI 9 d 6 h 30 min', async () => {
      const { checkIns, get } = await start(databaseId, '2024-03-01T09:00:00Z');
      await checkIns([
        ['i1', '2024-03-10T14:00:00Z', 'missing'],
        ['i1', '2024-03-10T14:20:00Z', 'unavailable'],
        ['i1', '2024-03-10T15:30:00Z', 'ready'],
        ['i1', '2024-03-11T02:00:00Z', 'degraded'],
        ['i1', '2024-03-11T03:00:00Z', 'ready'],
      ]);
      const report = await get(
        '/v1/customers/c1/report?asOf=2024-03-11T12:00:00Z',
      );
      expect(report.timeToInstall).toMatchObject({
        instanceId: 'i1',
        instanceSeconds: 5400,
        licenseSeconds: 9 * 86400 + 6 * 3600 + 1800,
      });
    });

    it('example 2: the instance whose first ready is the latest; then B; then none', async () => {
      const { checkIns, get } = await start(databaseId, '2024-06-01T09:00:00Z');
      await checkIns([
        ['A', '2024-06-02T08:30:00Z', 'missing'],
        ['A', '2024-06-02T09:00:00Z', 'ready'],
        ['B', '2024-06-02T07:00:00Z', 'missing'],
        ['B', '2024-06-02T08:00:00Z', 'ready'],
        ['B', '2024-06-02T09:30:00Z', 'degraded'],
        ['B', '2024-06-02T10:00:00Z', 'ready'],
      ]);
      expect(
        (await get('/v1/customers/c1/report?asOf=2024-06-02T12:00:00Z'))
          .timeToInstall,
      ).toMatchObject({
        instanceId: 'A',
        instanceSeconds: 1800,
        licenseSeconds: 86400,
      });
      expect(
        (await get('/v1/customers/c1/report?asOf=2024-06-02T08:45:00Z'))
          .timeToInstall,
      ).toMatchObject({
        instanceId: 'B',
        instanceSeconds: 3600,
        licenseSeconds: 23 * 3600,
      });
      expect(
        (await get('/v1/customers/c1/report?asOf=2024-06-02T07:30:00Z'))
          .timeToInstall,
      ).toBeNull();
    });

    it('example 3: uptime 22/24, graph 19 h up, 3 h degraded, 2 h down', async () => {
      const { checkIns, get } = await start(databaseId, '2024-06-01T09:00:00Z');
      const statusAt: Record<number, string> = {
        0: 'ready',
        6: 'degraded',
        9: 'unavailable',
        10: 'missing',
        11: 'updating',
        12: 'ready',
      };
      let status = 'ready';
      await checkIns(
        Array.from({ length: 24 }, (_, h) => {
          status = statusAt[h] ?? status;
          return [
            'i1',
            `2024-07-01T${String(h).padStart(2, '0')}:00:00Z`,
            status,
          ] as [string, string, string];
        }),
      );
      // Seen at the end of the day: the day is the report's "today", elapsed in full.
      const report = await get(
        '/v1/customers/c1/report?asOf=2024-07-01T23:59:59.999Z',
      );
      const today = report.instances[0].uptime.days[13];
      expect(today.date).toBe('2024-07-01');
      expect(today.up).toBeCloseTo(19 / 24, 6);
      expect(today.degraded).toBeCloseTo(3 / 24, 6);
      expect(today.down).toBeCloseTo(2 / 24, 6);
      expect(report.instances[0].uptime.ratio).toBeCloseTo(22 / 24, 6);
      const graph = await get(
        '/v1/instances/i1/uptime?range=2d&asOf=2024-07-01T23:59:59.999Z',
      );
      expect(graph.ratio).toBeCloseTo(22 / 24, 6);
    });

    it('example 4: three check-ins create exactly 4 events', async () => {
      const { send, get } = await start(databaseId, '2024-06-01T09:00:00Z');
      await send('post', '/v1/check-ins', {
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-07-01T10:00:00Z',
            customMetrics: { users: 100 },
            cloudRegion: 'us-east',
          },
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-07-01T10:05:00Z',
            customMetrics: { users: 100 },
            cloudRegion: 'us-west',
          },
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-07-01T10:10:00Z',
            customMetrics: { users: 150 },
            cloudRegion: 'us-west',
          },
        ],
      });
      const events = await get(
        '/v1/instances/i1/events?asOf=2024-07-01T12:00:00Z',
      );
      expect(events.items).toHaveLength(4);
    });

    it('example 5: active at exactly 24 h, inactive a minute past', async () => {
      const { checkIns, get } = await start(databaseId, '2024-06-01T09:00:00Z');
      await checkIns([
        ['fresh', '2024-07-01T12:00:30Z', 'ready'],
        ['stale', '2024-07-01T11:59:00Z', 'ready'],
      ]);
      const report = await get(
        '/v1/customers/c1/report?asOf=2024-07-02T12:00:00Z&includeInactive=true',
      );
      const byId = Object.fromEntries(
        report.instances.map((i: { id: string; active: boolean }) => [
          i.id,
          i.active,
        ]),
      );
      expect(byId).toEqual({ fresh: true, stale: false });
      expect(report.instanceCounts).toMatchObject({ active: 1, inactive: 1 });
    });

    it('returns the bucket count and size of every uptime range, shares adding to 1', async () => {
      const { checkIns, get } = await start(databaseId, '2023-06-01T09:00:00Z');
      await checkIns([
        ['i1', '2023-07-01T00:00:00Z', 'ready'],
        ['i1', '2024-06-30T00:00:00Z', 'degraded'],
        ['i1', '2024-07-01T00:00:00Z', 'ready'],
      ]);
      const H = 3600_000;
      const expected: Record<string, [number, number]> = {
        '2d': [48, H],
        '2w': [42, 8 * H],
        '45d': [45, 24 * H],
        '90d': [45, 48 * H],
        '1y': [53, 168 * H],
      };
      for (const [range, [count, size]] of Object.entries(expected)) {
        const { buckets } = await get(
          `/v1/instances/i1/uptime?range=${range}&asOf=2024-07-01T12:00:00Z`,
        );
        expect([range, buckets.length]).toEqual([range, count]);
        for (const b of buckets) {
          expect(Date.parse(b.end) - Date.parse(b.start)).toBe(size);
          expect(b.up + b.degraded + b.down + b.noData).toBeCloseTo(1, 9);
        }
      }
      const all = await get(
        '/v1/instances/i1/uptime?range=all&asOf=2024-07-01T12:00:00Z',
      );
      expect(all.buckets.length).toBeGreaterThanOrEqual(45);
      expect(all.buckets.length).toBeLessThanOrEqual(51);
    });
  },
);
