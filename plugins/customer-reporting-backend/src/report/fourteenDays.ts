import { ReportInstance } from '@customer-reporting/plugin-customer-reporting-common';
import { ObservationSpan } from '../metrics/observationSpans';
import { computeUptime, StatusChange } from '../metrics/uptime';

const DAY = 86_400_000;
const DAYS = 14;

/**
 * The window of the report's and the instance page's uptime: 14 UTC days,
 * the last being today (of `asOf`) so far. Its dates are formatted once,
 * not per instance: a 50-instance report shows 700 days.
 */
export function fourteenDays(asOf: number) {
  const start = Math.floor(asOf / DAY) * DAY - (DAYS - 1) * DAY;
  const dates = Array.from({ length: DAYS }, (_, d) =>
    new Date(start + d * DAY).toISOString().slice(0, 10),
  );
  return {
    start,
    /** Uptime per day of one instance's status changes and spans. */
    uptimeOf(timeline: {
      changes: readonly StatusChange[];
      spans: readonly ObservationSpan[];
    }): ReportInstance['uptime'] {
      const uptime = computeUptime({
        ...timeline,
        start,
        end: start + DAYS * DAY,
        bucketMs: DAY,
        now: asOf,
      });
      return {
        ratio: uptime.ratio,
        days: uptime.buckets.map((b, d) => ({
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
