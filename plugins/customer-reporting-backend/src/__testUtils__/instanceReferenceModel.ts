/*
 * The reference model of one instance as its page and uptime graph show it
 * at asOf. See referenceModel.ts.
 */
import {
  DAY,
  iso,
  known,
  latest,
  ModelCheckIn,
  ModelRelease,
  Shares,
  Status,
  versionAt,
} from './referenceModel';
import {
  alignedBuckets,
  bucketShares,
  fourteenDays,
  uptimeRatio,
} from './uptimeReferenceModel';

export interface ModelInstance {
  id: string;
  status: Status | null;
  airgap: boolean;
  archived: boolean;
  /** Listed by default: active online, or air gap. */
  active: boolean;
  activeOnline: boolean;
  appVersion: string | null;
  /** The running release (by asOf), and the sequence last reported with the version. */
  release: ModelRelease | null;
  releaseSequence: number | null;
  /** The latest value of each custom metric. */
  customMetrics: Record<string, number>;
  versionsBehind: number | null;
  cloudRegion: string | null;
  firstSeenAt: string;
  firstReadyAt: string | null;
  lastCheckInAt: string;
  uptime: { ratio: number | null; days: ({ date: string } & Shares)[] };
  /** Instance events per field, as of asOf. */
  events: Record<string, number>;
  /** Event times, for the graph's markers. */
  eventTimes: number[];
}

/** Fields this model generates, under the names of the events API. */
export const EVENT_FIELDS = {
  airgap: 'airgap',
  appStatus: 'appStatus',
  appVersion: 'appVersion',
  releaseSequence: 'releaseSequence',
  cloudRegion: 'cloudRegion',
  users: 'metric:users',
  resourceStates: 'resourceStates',
} as const;

const VERSION_HALVES: Record<string, keyof ModelCheckIn | undefined> = {
  appVersion: 'releaseSequence',
  releaseSequence: 'appVersion',
};

function instanceEvents(sorted: ModelCheckIn[]) {
  const events: Record<string, number> = {};
  const eventTimes: number[] = [];
  const previous: Record<string, unknown> = {};
  for (const c of sorted)
    for (const [field, name] of Object.entries(EVENT_FIELDS)) {
      let value: unknown = c[field as keyof ModelCheckIn];
      // The resources are one value: the same states (resource k is named
      // r<k>, differentialRequests.ts) are the same list.
      if (Array.isArray(value)) value = value.join(',');
      // A version label without a sequence (or the reverse) makes the other
      // half unknown, once the instance has reported it (docs/metrics.md).
      const half = VERSION_HALVES[field];
      if (
        half &&
        value === undefined &&
        c[half] !== undefined &&
        previous[field] !== undefined
      )
        value = null;
      if (value === undefined || value === previous[field]) continue;
      previous[field] = value;
      events[name] = (events[name] ?? 0) + 1;
      eventTimes.push(c.at);
    }
  return { events, eventTimes };
}

/** One instance as the portal would show it at asOf; undefined before first seen. */
export function modelInstance(
  all: ModelCheckIn[],
  id: string,
  asOf: number,
  opts: { archived: boolean; releases: ModelRelease[] },
): ModelInstance | undefined {
  const sorted = known(
    all.filter(c => c.instanceId === id),
    asOf,
  );
  if (sorted.length === 0) return undefined;
  const last = sorted[sorted.length - 1];
  const firstReady = sorted.find(c => c.appStatus === 'ready');
  const airgap = latest(sorted, asOf, 'airgap') ?? false;
  const activeOnline = !airgap && asOf - last.at <= DAY;
  const { running, release, versionsBehind } = versionAt(
    sorted,
    asOf,
    opts.releases,
  );
  const days = fourteenDays(asOf);
  return {
    id,
    status: latest(sorted, asOf, 'appStatus') ?? null,
    airgap,
    archived: opts.archived,
    // Listed by default (docs/metrics.md): archived rows are not.
    active: !opts.archived && (airgap || activeOnline),
    activeOnline,
    appVersion: running
      ? running.appVersion ?? String(running.releaseSequence)
      : null,
    release,
    releaseSequence: running?.releaseSequence ?? null,
    customMetrics:
      latest(sorted, asOf, 'users') === undefined
        ? {}
        : { users: latest(sorted, asOf, 'users')! },
    versionsBehind,
    cloudRegion: latest(sorted, asOf, 'cloudRegion') ?? null,
    firstSeenAt: iso(sorted[0].at),
    firstReadyAt: firstReady ? iso(firstReady.at) : null,
    lastCheckInAt: iso(last.at),
    uptime: {
      ratio: uptimeRatio(sorted, days[0], days[13] + DAY, asOf),
      days: days.map(d => ({
        date: iso(d).slice(0, 10),
        ...bucketShares(sorted, d, d + DAY, asOf),
      })),
    },
    ...instanceEvents(sorted),
  };
}

/** Graph buckets of a fixed-size range, with their event markers. */
export function modelGraph(
  all: ModelCheckIn[],
  id: string,
  asOf: number,
  size: number,
  count: number,
) {
  return modelBuckets(all, id, asOf, alignedBuckets(asOf, size, count), size);
}

/** Graph buckets of the given starts and size, with their event markers. */
export function modelBuckets(
  all: ModelCheckIn[],
  id: string,
  asOf: number,
  starts: number[],
  size: number,
) {
  const sorted = known(
    all.filter(c => c.instanceId === id),
    asOf,
  );
  const { eventTimes } = instanceEvents(sorted);
  const end = starts[starts.length - 1] + size;
  return {
    ratio: uptimeRatio(sorted, starts[0], end, asOf),
    buckets: starts.map(start => ({
      start: iso(start),
      end: iso(start + size),
      ...bucketShares(sorted, start, start + size, asOf),
      events: eventTimes.filter(t => t >= start && t < start + size).length,
    })),
  };
}
