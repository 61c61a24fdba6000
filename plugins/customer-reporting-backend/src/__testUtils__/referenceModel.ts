/*
 * An independent reference model of the instance metrics of the domain spec
 * (/work/shared/spec/domain.md §3-§6) and docs/metrics.md, written from the
 * definitions alone, without the plugin's metric code, for differential
 * tests. It favours obviousness over speed: every question is answered by
 * scanning all check-ins, and time is integrated piecewise between the only
 * moments where anything can change (check-ins, 24 h after each, bucket
 * edges, asOf), looking at each piece's midpoint.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Status =
  | 'missing'
  | 'unavailable'
  | 'degraded'
  | 'updating'
  | 'ready';
/** Least to most available. */
export const STATUS_ORDER: Status[] = [
  'missing',
  'unavailable',
  'degraded',
  'updating',
  'ready',
];

export interface ModelCheckIn {
  instanceId: string;
  at: number;
  airgap?: boolean;
  appStatus?: Status;
  appVersion?: string;
  releaseSequence?: number;
  cloudRegion?: string;
  users?: number;
  /** Sent as resource states (their rollup is appStatus) instead of appStatus. */
  resourceStates?: Status[];
}

export interface ModelRelease {
  sequence: number;
  versionLabel: string;
  promotedAt: number;
}

export interface Shares {
  up: number;
  degraded: number;
  down: number;
  noData: number;
}

const iso = (t: number) => new Date(t).toISOString();

/** The check-ins known at `asOf`, oldest first. */
export function known(checkIns: ModelCheckIn[], asOf: number) {
  return checkIns.filter(c => c.at <= asOf).sort((a, b) => a.at - b.at);
}

/** The latest value of a field reported at or before `t`, if any. */
export function latest<K extends keyof ModelCheckIn>(
  sorted: ModelCheckIn[],
  t: number,
  field: K,
): ModelCheckIn[K] | undefined {
  let value: ModelCheckIn[K] | undefined;
  for (const c of sorted)
    if (c.at <= t && c[field] !== undefined) value = c[field];
  return value;
}

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

/**
 * The release an instance ran at `t` (sorted = its check-ins up to t) on a
 * channel's releases, and how many of them were promoted after it by t.
 */
export function versionAt(
  sorted: ModelCheckIn[],
  t: number,
  releases: ModelRelease[],
) {
  // The version of the latest check-in that reported one (both halves sent together here).
  const versioned = sorted.filter(
    c =>
      c.at <= t &&
      (c.appVersion !== undefined || c.releaseSequence !== undefined),
  );
  const running = versioned[versioned.length - 1] as ModelCheckIn | undefined;
  // Releases promoted after t did not exist yet: the running one is unknown.
  const promoted = releases.filter(r => r.promotedAt <= t);
  const release = running
    ? promoted.find(r => r.sequence === running.releaseSequence) ??
      promoted.find(r => r.versionLabel === running.appVersion) ??
      null
    : null;
  return {
    running,
    release,
    versionsBehind: release
      ? promoted.filter(r => r.promotedAt > release.promotedAt).length
      : null,
  };
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

/** The customer-level figures of the report at asOf. */
export function modelCustomer(instances: ModelInstance[], createdAt: number) {
  const listed = instances.filter(i => !i.archived);
  const candidates = listed
    .filter(i => i.firstReadyAt !== null)
    .sort((a, b) => {
      const later = Date.parse(b.firstReadyAt!) - Date.parse(a.firstReadyAt!);
      if (later !== 0) return later;
      // Ties: the smallest id by character code.
      return a.id < b.id ? -1 : 1;
    });
  const chosen = candidates[0];
  const seconds = (ms: number) => Math.round(ms / 1000);
  // Customer health: the worst status among active online and unarchived air gap instances.
  const healthOf = listed.filter(i => i.activeOnline || i.airgap);
  const statusCounts = Object.fromEntries(
    STATUS_ORDER.map(s => [s, healthOf.filter(i => i.status === s).length]),
  );
  const worst = STATUS_ORDER.find(s => statusCounts[s] > 0) ?? null;
  const lastActive = Math.max(
    ...instances.map(i => Date.parse(i.lastCheckInAt)),
  );
  const ready = chosen?.firstReadyAt ? Date.parse(chosen.firstReadyAt) : 0;
  return {
    list: {
      active: listed.some(i => i.activeOnline || i.airgap),
      activeInstances: listed.filter(i => i.activeOnline).length,
      airgapInstances: listed.filter(i => i.airgap).length,
      status: worst,
      statusCounts,
      lastActiveAt: instances.length ? iso(lastActive) : null,
      timeToInstallSeconds: chosen ? seconds(ready - createdAt) : null,
    },
    instanceCounts: {
      active: listed.filter(i => i.activeOnline).length,
      airgap: listed.filter(i => i.airgap).length,
      inactive: listed.filter(i => !i.airgap && !i.activeOnline).length,
      archived: instances.filter(i => i.archived).length,
    },
    active: listed.some(i => i.activeOnline || i.airgap),
    timeToInstall: chosen
      ? {
          instanceId: chosen.id,
          firstSeenAt: chosen.firstSeenAt,
          firstReadyAt: chosen.firstReadyAt,
          instanceSeconds: seconds(
            Date.parse(chosen.firstReadyAt!) - Date.parse(chosen.firstSeenAt),
          ),
          licenseSeconds: seconds(Date.parse(chosen.firstReadyAt!) - createdAt),
        }
      : null,
  };
}
