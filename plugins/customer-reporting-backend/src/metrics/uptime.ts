import { AppStatus } from '@customer-reporting/plugin-customer-reporting-common';
import { OBSERVATION_WINDOW_MS, ObservationSpan } from './observationSpans';

/** A status report that holds until the next one. */
export interface StatusChange {
  at: number;
  status: AppStatus;
}

/** Shares of one bucket; the four add up to 1. */
export interface UptimeBucket {
  start: number;
  end: number;
  up: number;
  degraded: number;
  down: number;
  noData: number;
}

export interface UptimeInput {
  /** Status changes in time order; the first one at or before `start` sets the initial status. */
  changes: readonly StatusChange[];
  spans: readonly ObservationSpan[];
  start: number;
  end: number;
  bucketMs: number;
  /** The clock (or asOf): nothing after it is observed, and a bucket's shares are of its elapsed part. */
  now: number;
}

export interface UptimeResult {
  /** Up + degraded over observed time; null when nothing was observed. */
  ratio: number | null;
  buckets: UptimeBucket[];
}

const CLASS_OF: Record<AppStatus, 'up' | 'degraded' | 'down'> = {
  ready: 'up',
  updating: 'up',
  degraded: 'degraded',
  unavailable: 'down',
  missing: 'down',
};

/**
 * Splits [start, end) into buckets and measures, within each, the observed
 * time spent Up (ready, updating), Degraded and Down (missing, unavailable).
 * A moment is observed when the latest check-in at or before it is at most
 * 24 h old, which is the union of [span.start, span.last + 24 h]; the rest is
 * no data and is left out of the ratio. Observed time before any status
 * report is no data too.
 */
export function computeUptime(input: UptimeInput): UptimeResult {
  const { start, end, bucketMs, now } = input;
  const observed = input.spans
    .map(s => ({
      from: s.start,
      to: Math.min(s.last + OBSERVATION_WINDOW_MS, now),
    }))
    .filter(o => o.to > o.from)
    .sort((a, b) => a.from - b.from);
  const changes = [...input.changes]
    .filter(c => c.at <= now)
    .sort((a, b) => a.at - b.at);

  const buckets: UptimeBucket[] = [];
  let totals = { up: 0, degraded: 0, down: 0 };
  for (let bucketStart = start; bucketStart < end; bucketStart += bucketMs) {
    const bucketEnd = Math.min(bucketStart + bucketMs, end);
    const elapsedEnd = Math.min(bucketEnd, now);
    const time = { up: 0, degraded: 0, down: 0 };
    for (const o of observed) {
      const from = Math.max(o.from, bucketStart);
      const to = Math.min(o.to, elapsedEnd);
      if (to > from) addStatusTime(changes, from, to, time);
    }
    const elapsed = Math.max(0, elapsedEnd - bucketStart);
    const share = (ms: number) => (elapsed > 0 ? ms / elapsed : 0);
    const up = share(time.up);
    const degraded = share(time.degraded);
    const down = share(time.down);
    buckets.push({
      start: bucketStart,
      end: bucketEnd,
      up,
      degraded,
      down,
      // A bucket wholly in the future is all "no data".
      noData: elapsed > 0 ? Math.max(0, 1 - up - degraded - down) : 1,
    });
    totals = {
      up: totals.up + time.up,
      degraded: totals.degraded + time.degraded,
      down: totals.down + time.down,
    };
  }
  const observedMs = totals.up + totals.degraded + totals.down;
  return {
    ratio: observedMs > 0 ? (totals.up + totals.degraded) / observedMs : null,
    buckets,
  };
}

/** Adds the time of [from, to) to the class of the status holding at each moment. */
function addStatusTime(
  changes: readonly StatusChange[],
  from: number,
  to: number,
  time: { up: number; degraded: number; down: number },
) {
  let index = lastAtOrBefore(changes, from);
  let cursor = from;
  while (cursor < to) {
    const next =
      index + 1 < changes.length ? Math.min(changes[index + 1].at, to) : to;
    if (index >= 0) time[CLASS_OF[changes[index].status]] += next - cursor;
    cursor = next;
    index += 1;
  }
}

function lastAtOrBefore(changes: readonly StatusChange[], t: number): number {
  let lo = 0;
  let hi = changes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid].at <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
