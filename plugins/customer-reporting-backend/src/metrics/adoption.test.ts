import fc from 'fast-check';
import { APP_STATUSES } from '@customer-reporting/plugin-customer-reporting-common';
import {
  AdoptionGroup,
  adoptionSeries,
  medianDaysToHalf,
  releaseAdoption,
} from './adoption';
import { adoptionPlan, DAY_MS } from './adoptionRange';

const DAY = DAY_MS;
const T0 = Date.parse('2024-06-01T00:00:00Z');
const releases = new Map([
  [
    'stable',
    [
      { sequence: 1, versionLabel: '1.0.0', promotedAt: T0 - 40 * DAY },
      { sequence: 2, versionLabel: '1.1.0', promotedAt: T0 + 2 * DAY },
      { sequence: 3, versionLabel: '1.2.0', promotedAt: T0 + 5 * DAY },
    ],
  ],
]);
const group = (
  at: number,
  sequence: number | null,
  count: number,
  status: AdoptionGroup['status'] = 'ready',
): AdoptionGroup => ({
  at,
  channelSlug: 'stable',
  sequence,
  versionLabel: null,
  status,
  count,
});

describe('adoptionPlan', () => {
  it('judges day buckets at their last millisecond and the current one at asOf', () => {
    const asOf = Date.parse('2024-06-30T12:00:00Z');
    const plan = adoptionPlan('30d', asOf);
    expect(plan.bucket).toBe('day');
    expect(new Date(plan.start).toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(plan.bucketStarts).toHaveLength(30);
    expect(plan.samples).toHaveLength(30);
    expect(new Date(plan.samples[0]).toISOString()).toBe(
      '2024-06-01T23:59:59.999Z',
    );
    expect(plan.samples.at(-1)).toBe(asOf);
  });

  it('starts week buckets on Mondays and samples every day of them', () => {
    const plan = adoptionPlan('1y', Date.parse('2024-06-30T12:00:00Z'));
    expect(plan.bucketStarts).toHaveLength(52);
    expect(new Date(plan.bucketStarts.at(-1)!).toISOString()).toBe(
      '2024-06-24T00:00:00.000Z',
    );
    expect(plan.samples).toHaveLength(51 * 7 + 7);
  });

  it('always has one sample per day up to asOf, ascending, the last at asOf', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.constantFrom('30d', '90d', '180d', '1y' as const),
        (asOf, range) => {
          const plan = adoptionPlan(range, asOf);
          expect(plan.samples.at(-1)).toBe(asOf);
          expect(plan.samples[0]).toBe(plan.start + DAY - 1);
          for (let i = 1; i < plan.samples.length - 1; i++)
            expect(plan.samples[i] - plan.samples[i - 1]).toBe(DAY);
          expect(plan.bucketStarts.at(-1)!).toBeLessThanOrEqual(asOf);
        },
      ),
    );
  });
});

describe('adoption figures (worked example)', () => {
  // Four days; on day 3 (T0 + 2 d) 1.1.0 is promoted, on day 6 1.2.0.
  const asOf = T0 + 6 * DAY + 12 * 3600_000;
  const plan = adoptionPlan('30d', asOf);
  const end = (day: number) => T0 + day * DAY - 1;
  const groups = [
    group(end(3), 1, 3),
    group(end(3), 2, 1, 'degraded'),
    group(end(4), 1, 2),
    group(end(4), 2, 2),
    group(end(6), 1, 1),
    group(end(6), 2, 1),
    group(end(6), null, 1, null),
    group(asOf, 3, 2),
    group(asOf, 1, 1, 'missing'),
  ];

  it('splits the active instances by versions behind and status', () => {
    const points = adoptionSeries(plan, asOf, groups, releases);
    const day = (start: number) =>
      points.find(p => Date.parse(p.start) === start)!;
    expect(day(T0 + 2 * DAY)).toMatchObject({
      activeInstances: 4,
      counts: { latest: 1, behind1: 3, behind2: 0, behind3Plus: 0 },
      statusCounts: { ready: 3, degraded: 1 },
    });
    // 1.2.0 promoted on the 6th: 1.0.0 is now 2 behind; no status → none.
    expect(day(T0 + 5 * DAY)).toMatchObject({
      activeInstances: 3,
      counts: { latest: 0, behind1: 1, behind2: 1, unknown: 1 },
      statusCounts: { ready: 2, none: 1 },
    });
    expect(day(T0 + 6 * DAY)).toMatchObject({
      at: new Date(asOf).toISOString(),
      shares: { latest: 2 / 3, behind2: 1 / 3 },
      statusCounts: { missing: 1, ready: 2 },
    });
    expect(day(T0).shares.latest).toBeNull();
  });

  it('finds the first day end at which half ran the release or newer', () => {
    const perRelease = releaseAdoption(plan, asOf, groups, releases);
    expect(
      perRelease.map(r => [r.versionLabel, r.halfReachedAt, r.daysToHalf]),
    ).toEqual([
      ['1.1.0', new Date(end(4)).toISOString(), 1],
      ['1.2.0', new Date(asOf).toISOString(), 1],
    ]);
  });

  it('counts neither of two releases promoted at the same moment as newer than the other', () => {
    // 1.2.1 is promoted with 1.2.0. At the end of day 6 the one instance
    // runs 1.2.0; by asOf one of two runs 1.2.1 and the other 1.2.0.
    const withHotfix = new Map([
      [
        'stable',
        [
          ...releases.get('stable')!,
          { sequence: 4, versionLabel: '1.2.1', promotedAt: T0 + 5 * DAY },
        ],
      ],
    ]);
    const hotfixGroups = [
      group(end(6), 3, 1),
      group(asOf, 3, 1),
      group(asOf, 4, 1),
    ];
    expect(
      releaseAdoption(plan, asOf, hotfixGroups, withHotfix).map(r => [
        r.versionLabel,
        r.daysToHalf,
      ]),
    ).toEqual([
      ['1.1.0', 3],
      ['1.2.0', 0],
      ['1.2.1', 1],
    ]);
  });
});

describe('adoption properties', () => {
  const arbGroups = fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 29 }),
      sequence: fc.option(fc.integer({ min: 1, max: 4 })),
      status: fc.option(fc.constantFrom(...APP_STATUSES)),
      count: fc.integer({ min: 1, max: 20 }),
    }),
    { maxLength: 60 },
  );
  const asOf = T0 + 29 * DAY + 6 * 3600_000;
  const plan = adoptionPlan('30d', asOf);
  type RawGroup = {
    day: number;
    sequence: number | null;
    status: AdoptionGroup['status'];
    count: number;
  };
  const toGroups = (raw: RawGroup[]) =>
    raw.map(r =>
      group(plan.samples[r.day], r.sequence, r.count, r.status ?? null),
    );

  it('counts every active instance once in each split; shares add up to 1', () => {
    fc.assert(
      fc.property(arbGroups, raw => {
        for (const p of adoptionSeries(plan, asOf, toGroups(raw), releases)) {
          const sum = (o: object) =>
            (Object.values(o) as number[]).reduce((a, b) => a + b, 0);
          expect(sum(p.counts)).toBe(p.activeInstances);
          expect(sum(p.statusCounts)).toBe(p.activeInstances);
          const shares = Object.values(p.shares) as (number | null)[];
          const shareSum = shares.reduce<number>((a, b) => a + (b ?? 0), 0);
          expect(shareSum).toBeCloseTo(p.activeInstances ? 1 : 0, 10);
        }
      }),
    );
  });

  it('reaches half no earlier than promotion and never later for an older release', () => {
    fc.assert(
      fc.property(arbGroups, raw => {
        const perRelease = releaseAdoption(plan, asOf, toGroups(raw), releases);
        for (const r of perRelease) {
          if (r.halfReachedAt === null) continue;
          expect(Date.parse(r.halfReachedAt)).toBeGreaterThanOrEqual(
            Date.parse(r.promotedAt),
          );
          expect(r.daysToHalf).toBeGreaterThanOrEqual(0);
        }
        // Running 1.2.0 counts for 1.1.0 too, so 1.1.0 is half adopted by then.
        const [older, newer] = perRelease;
        const newerAt = newer?.halfReachedAt;
        expect(
          !newerAt || Date.parse(older.halfReachedAt!) <= Date.parse(newerAt),
        ).toBe(true);
      }),
    );
  });

  it('takes the middle of the days reached as the median', () => {
    const release = (daysToHalf: number | null) =>
      ({ daysToHalf } as Parameters<typeof medianDaysToHalf>[0][number]);
    expect(medianDaysToHalf([release(7), release(null), release(1)])).toBe(4);
    expect(medianDaysToHalf([release(3), release(1), release(9)])).toBe(3);
    expect(medianDaysToHalf([release(null)])).toBeNull();
  });
});
