/*
 * An independent reference model of the instance metrics of the domain spec
 * (/work/shared/spec/domain.md §3-§6) and docs/metrics.md, written from the
 * definitions alone, without the plugin's metric code, for differential
 * tests. It favours obviousness over speed: every question is answered by
 * scanning all check-ins.
 *
 * This file holds the check-ins and what was reported by a moment; by
 * concern: uptimeReferenceModel.ts (time in each category),
 * instanceReferenceModel.ts (an instance's page and graph),
 * customerReferenceModel.ts (the report's customer figures),
 * fleetReferenceModel.ts, adoptionReferenceModel.ts and
 * attemptReferenceModel.ts.
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

export const iso = (t: number) => new Date(t).toISOString();

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
