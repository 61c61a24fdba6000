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
  const bucketCount = Math.max(0, Math.ceil((end - start) / bucketMs));
  // Whole milliseconds per bucket and class: sums of integers are exact in
  // any order, so one pass over the observed time, split at bucket edges,
  // gives the same shares as measuring each bucket on its own.
  const time = {
    up: new Array<number>(bucketCount).fill(0),
    degraded: new Array<number>(bucketCount).fill(0),
    down: new Array<number>(bucketCount).fill(0),
  };
  const changes = input.changes
    .filter(c => c.at <= now)
    .sort((a, b) => a.at - b.at);
  const observedEnd = Math.min(end, now);
  for (const span of input.spans) {
    const from = Math.max(span.start, start);
    const to = Math.min(span.last + OBSERVATION_WINDOW_MS, observedEnd);
    if (to <= from) continue;
    let index = lastAtOrBefore(changes, from);
    let cursor = from;
    while (cursor < to) {
      const next =
        index + 1 < changes.length ? Math.min(changes[index + 1].at, to) : to;
      // Before the first status report the time is no data.
      if (index >= 0) {
        const shares = time[CLASS_OF[changes[index].status]];
        addSplitAtBucketEdges(shares, cursor, next, start, end, bucketMs);
      }
      cursor = next;
      index += 1;
    }
  }

  const buckets: UptimeBucket[] = new Array(bucketCount);
  const totals = { up: 0, degraded: 0, down: 0 };
  for (let k = 0; k < bucketCount; k++) {
    const bucketStart = start + k * bucketMs;
    const bucketEnd = Math.min(bucketStart + bucketMs, end);
    const elapsed = Math.max(0, Math.min(bucketEnd, now) - bucketStart);
    const share = (ms: number) => (elapsed > 0 ? ms / elapsed : 0);
    const up = share(time.up[k]);
    const degraded = share(time.degraded[k]);
    const down = share(time.down[k]);
    buckets[k] = {
      start: bucketStart,
      end: bucketEnd,
      up,
      degraded,
      down,
      // From whole milliseconds, not 1 − the others: a fully observed
      // bucket has exactly 0, not a rounding residue such as 5.6e-17. A
      // bucket wholly in the future is all "no data".
      noData:
        elapsed > 0
          ? share(elapsed - time.up[k] - time.degraded[k] - time.down[k])
          : 1,
    };
    totals.up += time.up[k];
    totals.degraded += time.degraded[k];
    totals.down += time.down[k];
  }
  const observedMs = totals.up + totals.degraded + totals.down;
  return {
    ratio: observedMs > 0 ? (totals.up + totals.degraded) / observedMs : null,
    buckets,
  };
}

/** Adds [from, to) to `perBucket`, each part to the bucket it falls in. */
function addSplitAtBucketEdges(
  perBucket: number[],
  from: number,
  to: number,
  start: number,
  end: number,
  bucketMs: number,
) {
  let cursor = from;
  while (cursor < to) {
    const k = Math.floor((cursor - start) / bucketMs);
    const bucketEnd = Math.min(start + (k + 1) * bucketMs, end);
    const next = Math.min(to, bucketEnd);
    perBucket[k] += next - cursor;
    cursor = next;
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
