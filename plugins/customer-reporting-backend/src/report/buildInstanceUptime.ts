import { DatabaseInstanceEventsStore } from '../database/DatabaseInstanceEventsStore';
import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { computeUptime } from '../metrics/uptime';
import { UptimeRange, uptimeWindow } from '../metrics/uptimeRanges';
import { loadInstance } from './buildInstanceDetails';

/**
 * `GET /v1/instances/{id}/uptime`: buckets of the range with their shares
 * and how many events fell in each. Reads status changes, spans and event
 * counts of the window only.
 */
export async function buildInstanceUptime(
  store: DatabaseReportStore,
  events: DatabaseInstanceEventsStore,
  instanceId: string,
  range: UptimeRange,
  asOf: number,
) {
  const { instance } = await loadInstance(store, instanceId, asOf);
  const { start, end, bucketMs } = uptimeWindow(
    range,
    asOf,
    instance.firstSeenAt,
  );
  const [timelines, counts] = await Promise.all([
    store.getStatusTimelines([instance.id], start, asOf),
    events.countEventsPerBucket(
      instance.id,
      start,
      Math.min(end, asOf + 1),
      bucketMs,
    ),
  ]);
  const uptime = computeUptime({
    ...timelines.get(instance.id)!,
    start,
    end,
    bucketMs,
    now: asOf,
  });
  return {
    range,
    ratio: uptime.ratio,
    buckets: uptime.buckets.map((b, index) => ({
      start: new Date(b.start).toISOString(),
      end: new Date(b.end).toISOString(),
      up: b.up,
      degraded: b.degraded,
      down: b.down,
      noData: b.noData,
      events: counts.get(index) ?? 0,
    })),
  };
}
