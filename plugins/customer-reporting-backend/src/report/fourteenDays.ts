import { ReportInstance } from '@customer-reporting/plugin-customer-reporting-common';
import { ObservationSpan } from '../metrics/observationSpans';
import { computeUptime, StatusChange } from '../metrics/uptime';

const DAY = 86_400_000;
const DAYS = 14;

interface Timeline {
  changes: readonly StatusChange[];
  spans: readonly ObservationSpan[];
}

/**
 * The window of the uptime in the customer report, the instance page and
 * the app's customer figures: 14 UTC days, the last being today (of `asOf`)
 * so far. Its dates are formatted once, not per instance: a 50-instance
 * report shows 700 days.
 */
export function fourteenDays(asOf: number) {
  const start = Math.floor(asOf / DAY) * DAY - (DAYS - 1) * DAY;
  const dates = Array.from({ length: DAYS }, (_, d) =>
    new Date(start + d * DAY).toISOString().slice(0, 10),
  );
  /** The window's uptime of one instance's status changes and spans. */
  const uptime = (timeline: Timeline) =>
    computeUptime({
      ...timeline,
      start,
      end: start + DAYS * DAY,
      bucketMs: DAY,
      now: asOf,
    });
  return {
    start,
    uptime,
    /** Uptime per day, as reports and the instance page show it. */
    uptimeOf(timeline: Timeline): ReportInstance['uptime'] {
      const { ratio, buckets } = uptime(timeline);
      return {
        ratio,
        days: buckets.map((b, d) => ({
          date: dates[d],
          up: b.up,
          degraded: b.degraded,
          down: b.down,
          noData: b.noData,
        })),
      };
    },
  };
}
