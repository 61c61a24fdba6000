import {
  AdoptionCounts,
  AdoptionPoint,
  APP_STATUSES,
  AppStatus,
  ReleaseAdoption,
} from '@customer-reporting/plugin-customer-reporting-common';
import { AdoptionPlan, bucketSample, utcDay } from './adoptionRange';
import { Release, runningRelease, versionStanding } from './versions';

/**
 * Active online instances at one sample that share channel, running release
 * and status (the database groups them so the rows stay few).
 */
export interface AdoptionGroup {
  at: number;
  channelSlug: string;
  sequence: number | null;
  versionLabel: string | null;
  status: AppStatus | null;
  count: number;
}

export type ReleasesByChannel = ReadonlyMap<string, readonly Release[]>;

/** The groups of each sample, so each sample is read once. */
function groupsByAt(groups: readonly AdoptionGroup[]) {
  const byAt = new Map<number, AdoptionGroup[]>();
  for (const g of groups) {
    const list = byAt.get(g.at) ?? [];
    list.push(g);
    byAt.set(g.at, list);
  }
  return byAt;
}

const emptyCounts = (): AdoptionCounts => ({
  latest: 0,
  behind1: 0,
  behind2: 0,
  behind3Plus: 0,
  unknown: 0,
});

function behindKey(versionsBehind: number | null): keyof AdoptionCounts {
  if (versionsBehind === null) return 'unknown';
  if (versionsBehind === 0) return 'latest';
  if (versionsBehind === 1) return 'behind1';
  return versionsBehind === 2 ? 'behind2' : 'behind3Plus';
}

/** Versions behind and status counts of the active instances at each bucket's end. */
export function adoptionSeries(
  plan: AdoptionPlan,
  asOf: number,
  groups: readonly AdoptionGroup[],
  releases: ReleasesByChannel,
): AdoptionPoint[] {
  const byAt = groupsByAt(groups);
  return plan.bucketStarts.map(start => {
    const at = bucketSample(plan, start, asOf);
    const counts = emptyCounts();
    const statusCounts = Object.fromEntries(
      [...APP_STATUSES, 'none'].map(s => [s, 0]),
    ) as AdoptionPoint['statusCounts'];
    let active = 0;
    for (const g of byAt.get(at) ?? []) {
      const { versionsBehind } = versionStanding(
        releases.get(g.channelSlug) ?? [],
        g,
        at,
      );
      counts[behindKey(versionsBehind)] += g.count;
      statusCounts[g.status ?? 'none'] += g.count;
      active += g.count;
    }
    const shares = Object.fromEntries(
      Object.entries(counts).map(([k, n]) => [k, active ? n / active : null]),
    ) as AdoptionPoint['shares'];
    return {
      start: new Date(start).toISOString(),
      at: new Date(at).toISOString(),
      activeInstances: active,
      counts,
      shares,
      statusCounts,
    };
  });
}

/**
 * For each release promoted within the plan's range, the first day end at
 * which at least half of its channel's active instances ran it or a release
 * promoted after it, and the whole UTC days from the promotion's day to then.
 */
export function releaseAdoption(
  plan: AdoptionPlan,
  asOf: number,
  groups: readonly AdoptionGroup[],
  releases: ReleasesByChannel,
): ReleaseAdoption[] {
  const result: ReleaseAdoption[] = [];
  for (const [channelSlug, channelReleases] of releases) {
    const byAt = groupsByAt(groups.filter(g => g.channelSlug === channelSlug));
    for (const release of channelReleases) {
      if (release.promotedAt < plan.start || release.promotedAt > asOf)
        continue;
      const halfAt = plan.samples.find(
        at =>
          at >= release.promotedAt &&
          reachesHalf(byAt.get(at) ?? [], channelReleases, release, at),
      );
      result.push({
        channelSlug,
        sequence: release.sequence,
        versionLabel: release.versionLabel,
        promotedAt: new Date(release.promotedAt).toISOString(),
        halfReachedAt:
          halfAt === undefined ? null : new Date(halfAt).toISOString(),
        daysToHalf:
          halfAt === undefined
            ? null
            : utcDay(halfAt) - utcDay(release.promotedAt),
      });
    }
  }
  return result.sort(
    (a, b) =>
      a.promotedAt.localeCompare(b.promotedAt) ||
      a.channelSlug.localeCompare(b.channelSlug),
  );
}

/** Whether half of the active instances of `groups` (one sample) run `release` or newer. */
function reachesHalf(
  groups: readonly AdoptionGroup[],
  releases: readonly Release[],
  release: Release,
  at: number,
): boolean {
  const published = releases.filter(r => r.promotedAt <= at);
  let active = 0;
  let adopted = 0;
  for (const g of groups) {
    active += g.count;
    const running = runningRelease(published, g);
    // The release itself, or one promoted after it (domain §6's "newer"): a
    // release promoted at the same moment (a release and its hotfix) is
    // neither.
    if (
      running &&
      (running.sequence === release.sequence ||
        running.promotedAt > release.promotedAt)
    )
      adopted += g.count;
  }
  return active > 0 && 2 * adopted >= active;
}

/** Median of the days to half that were reached (mean of the middle two when even). */
export function medianDaysToHalf(
  releases: readonly ReleaseAdoption[],
): number | null {
  const days = releases
    .flatMap(r => (r.daysToHalf === null ? [] : [r.daysToHalf]))
    .sort((a, b) => a - b);
  if (days.length === 0) return null;
  const mid = Math.floor(days.length / 2);
  return days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
}
