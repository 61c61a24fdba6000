import fc from 'fast-check';
import {
  APP_STATUSES,
  AppStatus,
} from '@customer-reporting/plugin-customer-reporting-common';
import { StatusChange } from '../metrics/uptime';
import {
  downSince,
  firstReadyWithin,
  instancesBehind,
  isInactive,
  licenseExpiresWithin,
  troubledAttemptStatus,
} from './conditions';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const asOf = Date.parse('2024-07-02T12:00:00Z');
const DOWN: AppStatus[] = ['missing', 'unavailable'];

/** Status changes at increasing times up to asOf, as the timeline query gives them. */
const arbChanges = fc
  .array(
    fc.record({
      before: fc.integer({ min: 0, max: 240 }),
      status: fc.constantFrom(...APP_STATUSES),
    }),
    { maxLength: 8 },
  )
  .map(list =>
    [...new Set(list.map(c => c.before))]
      .sort((a, b) => b - a)
      .map(
        (before, i): StatusChange => ({
          at: asOf - before * MIN,
          status: list[i].status,
        }),
      ),
  );

/** The status holding at `t`: the latest change at or before it. */
function statusAt(changes: StatusChange[], t: number): AppStatus | undefined {
  return [...changes].reverse().find(c => c.at <= t)?.status;
}

describe('downSince', () => {
  it('fires after N minutes of missing or unavailable, counting from the first down report', () => {
    const changes: StatusChange[] = [
      { at: asOf - 40 * MIN, status: 'unavailable' },
      { at: asOf - 10 * MIN, status: 'missing' },
    ];
    expect(downSince(changes, asOf, 30)).toBe(asOf - 40 * MIN);
    expect(downSince(changes, asOf, 40)).toBe(asOf - 40 * MIN);
    expect(downSince(changes, asOf, 41)).toBeNull();
    expect(
      downSince([...changes, { at: asOf, status: 'degraded' }], asOf, 30),
    ).toBeNull();
  });

  it('takes a change reported exactly at the window start as the status then, not the one before it', () => {
    const changes: StatusChange[] = [
      { at: asOf - 90 * MIN, status: 'ready' },
      { at: asOf - 30 * MIN, status: 'unavailable' },
    ];
    expect(downSince(changes, asOf, 30)).toBe(asOf - 30 * MIN);
    expect(downSince(changes, asOf, 31)).toBeNull();
  });

  it('fires exactly when every moment of the last N minutes was down (property)', () => {
    fc.assert(
      fc.property(
        arbChanges,
        fc.integer({ min: 1, max: 200 }),
        (changes, n) => {
          // The query (statusTimelines.ts) gives the last change strictly
          // before asOf − N and those from it on.
          const from = asOf - n * MIN;
          const lastBefore = changes.filter(c => c.at < from).slice(-1);
          const given = [...lastBefore, ...changes.filter(c => c.at >= from)];
          let everyMinuteDown = true;
          for (let t = from; t <= asOf; t += MIN) {
            const s = statusAt(changes, t);
            if (!s || !DOWN.includes(s)) everyMinuteDown = false;
          }
          const since = downSince(given, asOf, n);
          expect(since !== null).toBe(everyMinuteDown);
          expect(since ?? from).toBeLessThanOrEqual(from);
        },
      ),
    );
  });
});

describe('isInactive', () => {
  it('is the 24 h rule of docs/metrics.md: exactly 24 h is still active, air gap never inactive', () => {
    const online = { airgap: false, archived: false };
    expect(
      isInactive({ ...online, lastCheckInAt: asOf - DAY }, asOf, DAY),
    ).toBe(false);
    expect(
      isInactive({ ...online, lastCheckInAt: asOf - DAY - 1 }, asOf, DAY),
    ).toBe(true);
    expect(
      isInactive(
        { airgap: true, archived: false, lastCheckInAt: 0 },
        asOf,
        DAY,
      ),
    ).toBe(false);
    expect(
      isInactive(
        { airgap: false, archived: true, lastCheckInAt: 0 },
        asOf,
        DAY,
      ),
    ).toBe(false);
  });
});

describe('troubledAttemptStatus', () => {
  it('reports stalled and failed attempts, nothing for succeeded, discarded or moving ones', () => {
    const attempt = { completedAt: null, failedAt: null, discardedAt: null };
    expect(
      troubledAttemptStatus(
        { ...attempt, lastEventAt: asOf - 60 * MIN },
        asOf,
        60 * MIN,
      ),
    ).toBe('stalled');
    expect(
      troubledAttemptStatus(
        { ...attempt, lastEventAt: asOf - 59 * MIN },
        asOf,
        60 * MIN,
      ),
    ).toBeNull();
    expect(
      troubledAttemptStatus(
        { ...attempt, failedAt: asOf - MIN, lastEventAt: asOf - MIN },
        asOf,
        60 * MIN,
      ),
    ).toBe('failed');
    // Completed wins over a failure reported after it.
    expect(
      troubledAttemptStatus(
        {
          ...attempt,
          completedAt: asOf - 2 * MIN,
          failedAt: asOf - MIN,
          lastEventAt: asOf - MIN,
        },
        asOf,
        60 * MIN,
      ),
    ).toBeNull();
    expect(
      troubledAttemptStatus(
        {
          ...attempt,
          discardedAt: asOf - 90 * MIN,
          lastEventAt: asOf - 90 * MIN,
        },
        asOf,
        60 * MIN,
      ),
    ).toBeNull();
  });
});

describe('licenseExpiresWithin', () => {
  it('fires from N days before the expiry on, until renewed or archived (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -100 * DAY, max: 100 * DAY }), {
          nil: null,
        }),
        fc.integer({ min: 1, max: 90 }),
        fc.boolean(),
        (offset, days, archived) => {
          const expiresAt = offset === null ? null : asOf + offset;
          expect(
            licenseExpiresWithin({ expiresAt, archived }, asOf, days),
          ).toBe(!archived && offset !== null && offset <= days * DAY);
        },
      ),
    );
  });
});

describe('instancesBehind', () => {
  const releases = [1, 2, 3, 4, 5].map(sequence => ({
    sequence,
    versionLabel: `1.${sequence}.0`,
    promotedAt: asOf - (10 - sequence) * DAY,
  }));
  const instance = (id: string, sequence: number, lastCheckInAt = asOf) => ({
    id,
    airgap: false,
    archived: false,
    lastCheckInAt,
    releases,
    running: { sequence },
  });

  it('lists the active instances N or more versions behind, worst first, by the versions rule', () => {
    expect(
      instancesBehind(
        [
          instance('a', 2),
          instance('b', 1),
          instance('c', 3),
          instance('inactive', 1, asOf - 2 * DAY),
          { ...instance('airgap', 1, 0), airgap: true },
          { ...instance('unknown', 1), running: { versionLabel: '0.9' } },
        ],
        asOf,
        DAY,
        3,
      ),
    ).toEqual([
      { id: 'airgap', versionsBehind: 4 },
      { id: 'b', versionsBehind: 4 },
      { id: 'a', versionsBehind: 3 },
    ]);
  });

  it('does not count releases promoted after asOf', () => {
    // A week earlier only releases 1 to 3 existed: two behind, not three.
    expect(
      instancesBehind([instance('a', 1)], asOf - 7 * DAY, 30 * DAY, 3),
    ).toEqual([]);
  });
});

describe('firstReadyWithin', () => {
  it('is an event inside the look-back, never before first ready or after it', () => {
    expect(firstReadyWithin({ firstReadyAt: asOf }, asOf, DAY)).toBe(true);
    expect(firstReadyWithin({ firstReadyAt: asOf - DAY + 1 }, asOf, DAY)).toBe(
      true,
    );
    // "At most lookback before the evaluation": the edge is inside.
    expect(firstReadyWithin({ firstReadyAt: asOf - DAY }, asOf, DAY)).toBe(
      true,
    );
    expect(firstReadyWithin({ firstReadyAt: asOf - DAY - 1 }, asOf, DAY)).toBe(
      false,
    );
    expect(firstReadyWithin({ firstReadyAt: asOf + 1 }, asOf, DAY)).toBe(false);
    expect(firstReadyWithin({ firstReadyAt: null }, asOf, DAY)).toBe(false);
  });
});
