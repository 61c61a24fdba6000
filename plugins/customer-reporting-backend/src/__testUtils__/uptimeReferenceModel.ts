/*
 * The reference model's uptime (domain spec §5, docs/metrics.md): time is
 * integrated piecewise between the only moments where anything can change
 * (check-ins, 24 h after each, bucket edges, asOf), looking at each piece's
 * midpoint. See referenceModel.ts.
 */
import { DAY, latest, ModelCheckIn, Shares } from './referenceModel';

/** What the instance was doing at moment `t` (sorted = check-ins up to asOf). */
function categoryAt(sorted: ModelCheckIn[], t: number, asOf: number) {
  if (t >= asOf) return 'noData';
  const before = sorted.filter(c => c.at <= t);
  if (before.length === 0) return 'noData';
  // Observed: the latest check-in at or before t is at most 24 h old.
  if (t - before[before.length - 1].at > DAY) return 'noData';
  const status = latest(before, t, 'appStatus');
  if (status === undefined) return 'noData';
  if (status === 'ready' || status === 'updating') return 'up';
  if (status === 'degraded') return 'degraded';
  return 'down';
}

/** Time in each category over [start, end), counting only up to asOf. */
export function timeIn(
  sorted: ModelCheckIn[],
  start: number,
  end: number,
  asOf: number,
): Shares {
  const cuts = new Set([start, end]);
  for (const c of sorted) for (const t of [c.at, c.at + DAY]) cuts.add(t);
  cuts.add(asOf);
  const points = [...cuts]
    .filter(t => t >= start && t <= end)
    .sort((a, b) => a - b);
  const time: Shares = { up: 0, degraded: 0, down: 0, noData: 0 };
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    time[categoryAt(sorted, (a + b) / 2, asOf)] += b - a;
  }
  return time;
}

/** Shares of a bucket's elapsed time (a bucket not yet begun is no data). */
export function bucketShares(
  sorted: ModelCheckIn[],
  start: number,
  end: number,
  asOf: number,
): Shares {
  const elapsedEnd = Math.min(end, asOf);
  if (elapsedEnd <= start) return { up: 0, degraded: 0, down: 0, noData: 1 };
  const time = timeIn(sorted, start, elapsedEnd, asOf);
  const total = elapsedEnd - start;
  return {
    up: time.up / total,
    degraded: time.degraded / total,
    down: time.down / total,
    noData: time.noData / total,
  };
}

/** Up-ish ÷ observed over [start, end), null when nothing was observed. */
export function uptimeRatio(
  sorted: ModelCheckIn[],
  start: number,
  end: number,
  asOf: number,
): number | null {
  const t = timeIn(sorted, start, Math.min(end, asOf), asOf);
  const observed = t.up + t.degraded + t.down;
  return observed === 0 ? null : (t.up + t.degraded) / observed;
}

/** The 14 UTC days ending with the day of asOf. */
export function fourteenDays(asOf: number) {
  const today = Math.floor(asOf / DAY) * DAY;
  return Array.from({ length: 14 }, (_, k) => today - (13 - k) * DAY);
}

/** Buckets of a fixed size aligned to its multiples, the last holding asOf. */
export function alignedBuckets(asOf: number, size: number, count: number) {
  const last = Math.floor(asOf / size) * size;
  return Array.from({ length: count }, (_, k) => last - (count - 1 - k) * size);
}
