import {
  DAY,
  known,
  latest,
  ModelRelease,
  STATUS_ORDER,
  versionAt,
} from './referenceModel';
import { CHANNELS } from './randomCustomer';
import { FleetCase } from './fleetReferenceModel';
import { percentile } from './attemptReferenceModel';

/*
 * An independent reference model of release adoption (docs/adoption.md):
 * each moment is judged by looking at every instance's check-ins up to it.
 */

const iso = (t: number) => new Date(t).toISOString();
/** 1970-01-05T00:00Z was a Monday: weeks start on Mondays (UTC). */
const MONDAY = 4 * DAY;

const RANGES = {
  '30d': { size: DAY, count: 30, origin: 0 },
  '180d': { size: 7 * DAY, count: 26, origin: MONDAY },
};

interface Judged {
  channelSlug: string;
  release: ModelRelease | null;
  versionsBehind: number | null;
  status: string;
}

/**
 * A judge of the fleet at any moment t: the active online instances then,
 * each with its channel, release and status. Air gap and archived are the
 * current flags (a Choice of adoption.md); customers not created by asOf
 * do not exist yet.
 */
function fleetJudge(fleet: FleetCase[], asOf: number) {
  const instances = fleet
    .filter(f => f.rec.createdAt <= asOf)
    .flatMap(({ c, rec }) =>
      c.instanceIds.flatMap(id => {
        const sorted = known(
          c.checkIns.filter(ci => ci.instanceId === id),
          Infinity,
        );
        const airgapNow = latest(sorted, Infinity, 'airgap');
        if (airgapNow || c.archived.includes(id)) return [];
        return [{ sorted, channelSlug: rec.channelSlug }];
      }),
    );
  const judged = new Map<number, Judged[]>();
  return (t: number): Judged[] => {
    if (!judged.has(t))
      judged.set(
        t,
        instances.flatMap(({ sorted: all, channelSlug }) => {
          const sorted = known(all, t);
          if (sorted.length === 0 || t - sorted[sorted.length - 1].at > DAY)
            return [];
          const { release, versionsBehind } = versionAt(
            sorted,
            t,
            CHANNELS[channelSlug].releases,
          );
          const status = latest(sorted, t, 'appStatus') ?? 'none';
          return [{ channelSlug, release, versionsBehind, status }];
        }),
      );
    return judged.get(t)!;
  };
}

function point(start: number, at: number, judged: Judged[]) {
  const counts = {
    latest: 0,
    behind1: 0,
    behind2: 0,
    behind3Plus: 0,
    unknown: 0,
  };
  const statusCounts: Record<string, number> = Object.fromEntries(
    [...STATUS_ORDER, 'none'].map(s => [s, 0]),
  );
  for (const j of judged) {
    const b = j.versionsBehind;
    if (b === null) counts.unknown++;
    else if (b === 0) counts.latest++;
    else if (b === 1) counts.behind1++;
    else if (b === 2) counts.behind2++;
    else counts.behind3Plus++;
    statusCounts[j.status]++;
  }
  const n = judged.length;
  return {
    start: iso(start),
    at: iso(at),
    activeInstances: n,
    counts,
    shares: Object.fromEntries(
      Object.entries(counts).map(([k, v]) => [k, n ? v / n : null]),
    ),
    statusCounts,
  };
}

/** `GET /v1/apps/test-app/adoption?range=` at asOf, every channel. */
export function modelAdoption(
  fleet: FleetCase[],
  asOf: number,
  range: keyof typeof RANGES,
) {
  const { size, count, origin } = RANGES[range];
  const last = origin + Math.floor((asOf - origin) / size) * size;
  const starts = Array.from(
    { length: count },
    (_, k) => last - (count - 1 - k) * size,
  );
  const judge = fleetJudge(fleet, asOf);
  const points = starts.map(s => {
    const at = Math.min(s + size - 1, asOf);
    return point(s, at, judge(at));
  });
  // Days to half: judged at every day end from the promotion on, then asOf.
  const releases = Object.entries(CHANNELS).flatMap(([slug, ch]) =>
    ch.releases
      .filter(r => r.promotedAt >= starts[0] && r.promotedAt <= asOf)
      .map(r => {
        const moments: number[] = [];
        for (
          let end = Math.floor(r.promotedAt / DAY) * DAY + DAY - 1;
          end < asOf;
          end += DAY
        )
          moments.push(end);
        moments.push(asOf);
        const half = moments.find(t => {
          const mine = judge(t).filter(j => j.channelSlug === slug);
          // It or a newer release: one promoted strictly after it.
          const adopted = mine.filter(
            j =>
              j.release &&
              (j.release.sequence === r.sequence ||
                j.release.promotedAt > r.promotedAt),
          );
          return mine.length > 0 && 2 * adopted.length >= mine.length;
        });
        return {
          channelSlug: slug,
          sequence: r.sequence,
          versionLabel: r.versionLabel,
          promotedAt: iso(r.promotedAt),
          halfReachedAt: half === undefined ? null : iso(half),
          daysToHalf:
            half === undefined
              ? null
              : Math.floor(half / DAY) - Math.floor(r.promotedAt / DAY),
        };
      }),
  );
  // The median: the mean of the middle two when even.
  const median = percentile(
    releases.flatMap(r => (r.daysToHalf === null ? [] : [r.daysToHalf])),
    0.5,
  );
  return {
    points,
    releases: Object.fromEntries(
      releases.map(r => [`${r.channelSlug} ${r.sequence}`, r]),
    ),
    medianDaysToHalf: median,
  };
}
