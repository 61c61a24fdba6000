import { AdoptionRangeName } from '@customer-reporting/plugin-customer-reporting-common';

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05T00:00Z, a Monday: weeks start on Mondays (UTC). */
const FIRST_MONDAY = 4 * DAY_MS;

const RANGES: Record<
  AdoptionRangeName,
  { bucket: 'day' | 'week'; count: number }
> = {
  '30d': { bucket: 'day', count: 30 },
  '90d': { bucket: 'day', count: 90 },
  '180d': { bucket: 'week', count: 26 },
  '1y': { bucket: 'week', count: 52 },
};

/** The buckets of an adoption range and the day ends at which it is judged. */
export interface AdoptionPlan {
  bucket: 'day' | 'week';
  /** Start of the first bucket. */
  start: number;
  /** Bucket starts, oldest first; the last bucket holds `asOf`. */
  bucketStarts: number[];
  /**
   * Every UTC day's last millisecond from `start` on, and `asOf` for the
   * day of `asOf`: the moments adoption is judged at (days to half needs
   * each day even when the series shows weeks).
   */
  samples: number[];
}

export const utcDay = (ms: number) => Math.floor(ms / DAY_MS);

/** The buckets of `range` ending with the one that holds `asOf`. */
export function adoptionPlan(
  range: AdoptionRangeName,
  asOf: number,
): AdoptionPlan {
  const { bucket, count } = RANGES[range];
  const size = bucket === 'day' ? DAY_MS : WEEK_MS;
  const origin = bucket === 'day' ? 0 : FIRST_MONDAY;
  const last = origin + Math.floor((asOf - origin) / size) * size;
  const start = last - (count - 1) * size;
  const bucketStarts = Array.from(
    { length: count },
    (_, i) => start + i * size,
  );
  const samples: number[] = [];
  for (let end = start + DAY_MS - 1; end < asOf; end += DAY_MS) {
    samples.push(end);
  }
  samples.push(asOf);
  return { bucket, start, bucketStarts, samples };
}

/** The moment a bucket is judged at: its last millisecond, or `asOf`. */
export function bucketSample(
  plan: AdoptionPlan,
  bucketStart: number,
  asOf: number,
): number {
  const size = plan.bucket === 'day' ? DAY_MS : WEEK_MS;
  return Math.min(bucketStart + size - 1, asOf);
}
