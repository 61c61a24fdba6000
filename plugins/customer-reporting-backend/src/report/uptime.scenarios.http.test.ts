import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { startTimelineBackend } from '../__testUtils__/timelineBackend';

jest.setTimeout(120_000);

/*
 * Uptime (domain spec §5) through the HTTP API, for timelines the worked
 * examples leave out: gaps of exactly and over 24 h, a status carried across
 * day boundaries and from before the window, asOf in the past cutting later
 * check-ins, event markers per bucket. Shares are worked out by hand.
 */
const databases = TestDatabases.create();
const HOUR = 3600_000;

async function start(databaseId: TestDatabaseId) {
  return startTimelineBackend(
    await databases.init(databaseId),
    '2024-06-01T09:00:00Z',
  );
}

type Shares = { up: number; degraded: number; down: number; noData: number };
const shares = (s: Partial<Shares>): Shares => ({
  up: 0,
  degraded: 0,
  down: 0,
  noData: 0,
  ...s,
});
function expectShares(actual: Shares, expected: Partial<Shares>) {
  const want = shares(expected);
  for (const k of Object.keys(want) as (keyof Shares)[])
    expect([k, actual[k]]).toEqual([k, expect.closeTo(want[k], 9)]);
}

describe.each(databases.eachSupportedId())(
  'uptime scenarios on %p',
  databaseId => {
    it('observes exactly 24 h after a check-in, not past it, and carries each status across midnight', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        ['u1', '2024-07-01T18:00:00Z', 'ready'],
        // Exactly 24 h later: all of 07-01 18:00 to 07-02 18:00 is observed.
        ['u1', '2024-07-02T18:00:00Z', 'degraded'],
        // 36 h later: no data from 07-03 18:00 to 07-04 06:00.
        ['u1', '2024-07-04T06:00:00Z', 'unavailable'],
        ['u1', '2024-07-04T12:00:00Z', 'ready'],
      ]);
      const asOf = 'asOf=2024-07-05T06:00:00Z';
      const { uptime } = (await get(`/v1/customers/c1/report?${asOf}`))
        .instances[0];
      expect(uptime.days.map((d: { date: string }) => d.date)).toEqual(
        Array.from({ length: 14 }, (_, d) =>
          new Date(Date.parse('2024-06-22') + d * 24 * HOUR)
            .toISOString()
            .slice(0, 10),
        ),
      );
      for (const day of uptime.days.slice(0, 9))
        expectShares(day, { noData: 1 });
      const [d1, d2, d3, d4, today] = uptime.days.slice(9);
      expectShares(d1, { up: 6 / 24, noData: 18 / 24 });
      expectShares(d2, { up: 18 / 24, degraded: 6 / 24 });
      expectShares(d3, { degraded: 18 / 24, noData: 6 / 24 });
      expectShares(d4, { noData: 6 / 24, down: 6 / 24, up: 12 / 24 });
      // Today so far: the 6 h elapsed, all ready.
      expectShares(today, { up: 1 });
      // Up 42 h, degraded 24 h, down 6 h.
      expect(uptime.ratio).toBeCloseTo(66 / 72, 9);
      const details = await get(`/v1/instances/u1?${asOf}`);
      expect(details.insights.uptimeRatio).toBeCloseTo(66 / 72, 9);

      // 2 days of hourly buckets, 07-03 07:00 to 07-05 07:00; the status in
      // force at the start (degraded since 07-02 18:00) comes from before it.
      const graph = await get(`/v1/instances/u1/uptime?range=2d&${asOf}`);
      expect(graph.buckets).toHaveLength(48);
      expect(graph.buckets[0].start).toBe('2024-07-03T07:00:00.000Z');
      expectShares(graph.buckets[0], { degraded: 1 });
      expectShares(graph.buckets[10], { degraded: 1 }); // 17:00
      expectShares(graph.buckets[11], { noData: 1 }); // 18:00
      expectShares(graph.buckets[23], { down: 1 }); // 07-04 06:00
      expectShares(graph.buckets[29], { up: 1 }); // 07-04 12:00
      expectShares(graph.buckets[47], { noData: 1 }); // after asOf
      expect(graph.ratio).toBeCloseTo((11 + 18) / (11 + 6 + 18), 9);
      expect(
        graph.buckets.flatMap((b: { events: number }, k: number) =>
          b.events ? [[k, b.events]] : [],
        ),
      ).toEqual([
        [23, 1],
        [29, 1],
      ]);
    });

    it('holds a status reported before the 14 days through check-ins without a status', async () => {
      const { checkIns, get } = await start(databaseId);
      const times = Array.from(
        { length: 41 },
        (_, k) => Date.parse('2024-06-20T00:00:00Z') + k * 12 * HOUR,
      );
      await checkIns(
        times.map((t, k) => ({
          instanceId: 'u2',
          at: new Date(t).toISOString(),
          ...(k === 0 ? { appStatus: 'degraded' } : { k8sVersion: '1.29' }),
        })),
      );
      // The last check-in is 07-10 00:00; asOf is 12 h into that day.
      const asOf = 'asOf=2024-07-10T12:00:00Z';
      const { uptime, status } = (await get(`/v1/customers/c1/report?${asOf}`))
        .instances[0];
      expect(status).toBe('degraded');
      for (const day of uptime.days) expectShares(day, { degraded: 1 });
      expect(uptime.ratio).toBe(1);
      const graph = await get(`/v1/instances/u2/uptime?range=45d&${asOf}`);
      expect(graph.buckets).toHaveLength(45);
      // 06-20 is the first day of data; before it, none.
      const firstDay = graph.buckets.findIndex(
        (b: { start: string }) => b.start === '2024-06-20T00:00:00.000Z',
      );
      expectShares(graph.buckets[firstDay - 1], { noData: 1 });
      for (const b of graph.buckets.slice(firstDay))
        expectShares(b, { degraded: 1 });
    });

    it('leaves out what was reported after a past asOf: statuses, events, the last check-in', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        ['u3', '2024-07-10T00:00:00Z', 'ready'],
        ['u3', '2024-07-10T08:00:00Z', 'ready'],
        ['u3', '2024-07-10T16:00:00Z', 'missing'],
        ['u3', '2024-07-11T00:00:00Z', 'ready'],
      ]);
      const asOf = 'asOf=2024-07-10T12:00:00Z';
      const report = await get(`/v1/customers/c1/report?${asOf}`);
      expect(report.instances[0]).toMatchObject({
        status: 'ready',
        lastCheckInAt: '2024-07-10T08:00:00.000Z',
      });
      expectShares(report.instances[0].uptime.days[13], { up: 1 });
      expect(report.instances[0].uptime.ratio).toBe(1);

      const graph = await get(`/v1/instances/u3/uptime?range=2d&${asOf}`);
      expect(graph.buckets[graph.buckets.length - 1].start).toBe(
        '2024-07-10T12:00:00.000Z',
      );
      expect(graph.ratio).toBe(1);
      expect(
        graph.buckets.reduce(
          (n: number, b: { events: number }) => n + b.events,
          0,
        ),
      ).toBe(1);
      const events = await get(`/v1/instances/u3/events?${asOf}`);
      expect(events.items).toHaveLength(1);

      // The whole history: first seen to asOf, about 50 buckets of whole hours.
      const all = await get(`/v1/instances/u3/uptime?range=all&${asOf}`);
      expect(all.buckets[0].start).toBe('2024-07-10T00:00:00.000Z');
      expect(all.buckets[all.buckets.length - 1].end >= '2024-07-10T12').toBe(
        true,
      );
      for (const b of all.buckets) expect(b.down).toBe(0);
      expect(all.ratio).toBe(1);
    });

    it.each([
      ['51 h', '2024-07-03T03:00:00Z'],
      ['3 days', '2024-07-04T00:00:00Z'],
      ['9 days', '2024-07-10T00:00:00Z'],
    ])(
      'draws all of a %s history in about 50 equal buckets',
      async (_, asOf) => {
        const { checkIns, get } = await start(databaseId);
        await checkIns([
          ['u5', '2024-07-01T00:00:00Z', 'ready'],
          ['u5', '2024-07-02T00:00:00Z', 'ready'],
          ['u5', '2024-07-03T00:00:00Z', 'ready'],
          ['u5', '2024-07-04T00:00:00Z', 'ready'],
          ['u5', '2024-07-09T00:00:00Z', 'ready'],
        ]);
        const { buckets } = await get(
          `/v1/instances/u5/uptime?range=all&asOf=${asOf}`,
        );
        expect(buckets.length).toBeGreaterThanOrEqual(45);
        expect(buckets.length).toBeLessThanOrEqual(51);
        const size = Date.parse(buckets[0].end) - Date.parse(buckets[0].start);
        for (const b of buckets)
          expect(Date.parse(b.end) - Date.parse(b.start)).toBe(size);
        expect(buckets[0].start <= '2024-07-01T00:00:00.000Z').toBe(true);
        expect(buckets[buckets.length - 1].end >= asOf).toBe(true);
      },
    );

    it('gives the day of a late check-in that splits a down stretch its own status', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        ['u4', '2024-07-09T00:00:00Z', 'unavailable'],
        ['u4', '2024-07-10T00:00:00Z', 'unavailable'],
      ]);
      // Late: ready from 07-09 12:00, so half of 07-09 is up.
      await checkIns([['u4', '2024-07-09T12:00:00Z', 'ready']]);
      const asOf = 'asOf=2024-07-10T23:59:59.999Z';
      const { uptime } = (await get(`/v1/customers/c1/report?${asOf}`))
        .instances[0];
      expectShares(uptime.days[12], { down: 0.5, up: 0.5 });
      expectShares(uptime.days[13], { down: 1 });
      expect(uptime.ratio).toBeCloseTo(12 / 48, 6);
      const events = await get(`/v1/instances/u4/events?${asOf}`);
      expect(
        events.items.map((e: { at: string; value: unknown }) => [
          e.at,
          e.value,
        ]),
      ).toEqual([
        ['2024-07-10T00:00:00.000Z', 'unavailable'],
        ['2024-07-09T12:00:00.000Z', 'ready'],
        ['2024-07-09T00:00:00.000Z', 'unavailable'],
      ]);
    });
  },
);
