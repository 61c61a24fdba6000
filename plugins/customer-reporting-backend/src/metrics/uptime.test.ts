import fc from 'fast-check';
import { AppStatus } from '@customer-reporting/plugin-customer-reporting-common';
import { mergeObservationSpans } from './observationSpans';
import { computeUptime, StatusChange } from './uptime';

const H = 3600_000;
const DAY = 24 * H;
const day = Date.parse('2024-07-01T00:00:00Z');

describe('computeUptime', () => {
  it('matches domain example 3: 22/24 up, graph 19 h / 3 h / 2 h', () => {
    const hourly = Array.from({ length: 24 }, (_, h) => day + h * H);
    const statusAt: [number, AppStatus][] = [
      [0, 'ready'],
      [6, 'degraded'],
      [9, 'unavailable'],
      [10, 'missing'],
      [11, 'updating'],
      [12, 'ready'],
    ];
    const changes = statusAt.map(([h, status]) => ({
      at: day + h * H,
      status,
    }));
    const result = computeUptime({
      changes,
      spans: mergeObservationSpans([], hourly),
      start: day,
      end: day + DAY,
      bucketMs: DAY,
      now: day + 2 * DAY,
    });
    expect(result.ratio).toBeCloseTo(22 / 24, 10);
    expect(result.buckets[0].up).toBeCloseTo(19 / 24, 10);
    expect(result.buckets[0].degraded).toBeCloseTo(3 / 24, 10);
    expect(result.buckets[0].down).toBeCloseTo(2 / 24, 10);
    expect(result.buckets[0].noData).toBe(0);
  });

  it('leaves time before first seen and more than 24 h after the last check-in out', () => {
    const changes = [{ at: day + 12 * H, status: 'ready' as const }];
    const result = computeUptime({
      changes,
      spans: [{ start: day + 12 * H, last: day + 12 * H }],
      start: day,
      end: day + 3 * DAY,
      bucketMs: DAY,
      now: day + 3 * DAY,
    });
    expect(result.ratio).toBe(1);
    expect(result.buckets.map(b => b.noData)).toEqual([0.5, 0.5, 1]);
    // Observed for 24 h after the check-in: 12 h of each day.
    expect(result.buckets.map(b => b.up)).toEqual([0.5, 0.5, 0]);
  });

  it('gives shares of the elapsed part of the current bucket', () => {
    const result = computeUptime({
      changes: [{ at: day, status: 'degraded' }],
      spans: [{ start: day, last: day + 5 * H }],
      start: day,
      end: day + DAY,
      bucketMs: DAY,
      now: day + 6 * H,
    });
    expect(result.buckets[0]).toMatchObject({ degraded: 1, noData: 0 });
  });

  it('has a null ratio when nothing was observed', () => {
    expect(
      computeUptime({
        changes: [],
        spans: [],
        start: day,
        end: day + DAY,
        bucketMs: H,
        now: day + DAY,
      }).ratio,
    ).toBeNull();
  });

  const timeline = fc.uniqueArray(
    fc.record({
      hour: fc.integer({ min: 0, max: 24 * 20 }),
      status: fc.constantFrom<AppStatus>(
        'missing',
        'unavailable',
        'degraded',
        'updating',
        'ready',
      ),
    }),
    { minLength: 1, maxLength: 40, selector: c => c.hour },
  );

  function uptimeOf(
    checkIns: { hour: number; status: AppStatus }[],
    extra: Partial<Parameters<typeof computeUptime>[0]> = {},
  ) {
    const changes: StatusChange[] = [...checkIns]
      .sort((a, b) => a.hour - b.hour)
      .map(c => ({ at: day + c.hour * H, status: c.status }));
    return computeUptime({
      changes,
      spans: mergeObservationSpans(
        [],
        checkIns.map(c => day + c.hour * H),
      ),
      start: day,
      end: day + 14 * DAY,
      bucketMs: DAY,
      now: day + 14 * DAY,
      ...extra,
    });
  }

  it('has bucket shares that add up to 1', () => {
    fc.assert(
      fc.property(
        timeline,
        fc.integer({ min: 0, max: 14 * 24 }),
        (checkIns, nowHour) => {
          for (const b of uptimeOf(checkIns, { now: day + nowHour * H })
            .buckets) {
            expect(b.up + b.degraded + b.down + b.noData).toBeCloseTo(1, 9);
            for (const share of [b.up, b.degraded, b.down, b.noData])
              expect(share).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('does not change when check-ins arrive shuffled', () => {
    fc.assert(
      fc.property(timeline, checkIns => {
        expect(uptimeOf([...checkIns].reverse())).toEqual(uptimeOf(checkIns));
      }),
    );
  });

  it('does not change the ratio when no-data time is added to the window', () => {
    fc.assert(
      fc.property(
        timeline,
        fc.integer({ min: 1, max: 30 }),
        (checkIns, extraDays) => {
          const base = uptimeOf(checkIns, {
            end: day + 21 * DAY,
            now: day + 21 * DAY,
          });
          // Widen the window into days long before first seen and long after the last check-in.
          const wider = uptimeOf(checkIns, {
            start: day - extraDays * DAY,
            end: day + (21 + extraDays) * DAY,
            now: day + (21 + extraDays) * DAY,
          });
          // Rounded, so that null and equal ratios compare in one assertion.
          const round = (r: number | null) =>
            r === null ? null : Math.round(r * 1e9);
          expect(round(wider.ratio)).toEqual(round(base.ratio));
        },
      ),
    );
  });
});
