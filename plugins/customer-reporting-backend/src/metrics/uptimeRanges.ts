import { UptimeRangeName } from '@customer-reporting/plugin-customer-reporting-common';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Instance details uptime ranges and their bucket sizes (domain spec §5). */
export const UPTIME_RANGES = {
  '2d': { rangeMs: 2 * DAY, bucketMs: HOUR },
  '2w': { rangeMs: 14 * DAY, bucketMs: 8 * HOUR },
  '45d': { rangeMs: 45 * DAY, bucketMs: DAY },
  '90d': { rangeMs: 90 * DAY, bucketMs: 2 * DAY },
  '1y': { rangeMs: 365 * DAY, bucketMs: 7 * DAY },
} as const;
/** One of the contract's range names (`UPTIME_RANGES` in -common). */
export type UptimeRange = UptimeRangeName;

/**
 * About this many equal buckets (at most this many, at least 45 for a
 * history over about 8 h) cover the whole history for `all`.
 */
const ALL_BUCKETS = 50;

/**
 * The window and buckets of a range ending at `asOf`. Buckets are aligned to
 * whole multiples of their size (UTC), so the last one holds `asOf` and is
 * partly elapsed; `all` spans first seen to `asOf` in about 50 buckets of
 * whole minutes.
 */
export function uptimeWindow(
  range: UptimeRange,
  asOf: number,
  firstSeenAt: number,
) {
  if (range === 'all') {
    // Whole minutes, not hours: with hour-sized buckets a history of two
    // to a few days got as few as 26 (51 h in 2 h buckets), far from 50.
    const start = Math.floor(firstSeenAt / MINUTE) * MINUTE;
    const bucketMs = Math.max(
      MINUTE,
      Math.ceil((asOf - start) / ALL_BUCKETS / MINUTE) * MINUTE,
    );
    const count = Math.max(1, Math.ceil((asOf - start) / bucketMs));
    return { start, end: start + count * bucketMs, bucketMs };
  }
  const { rangeMs, bucketMs } = UPTIME_RANGES[range];
  const end = Math.floor(asOf / bucketMs) * bucketMs + bucketMs;
  return {
    start: end - Math.ceil(rangeMs / bucketMs) * bucketMs,
    end,
    bucketMs,
  };
}
