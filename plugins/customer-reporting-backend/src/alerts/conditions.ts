import {
  AppStatus,
  InstallAttemptStatus,
} from '@customer-reporting/plugin-customer-reporting-common';
import { instanceActivity, InstanceActivityInput } from '../metrics/activity';
import { installAttemptStatus } from '../metrics/installAttemptStatus';
import { StatusChange } from '../metrics/uptime';
import { Release, versionStanding } from '../metrics/versions';

/**
 * When each alert event type fires, judged at `asOf` with the definitions of
 * docs/metrics.md (the metric functions are reused, not restated). Pure:
 * the evaluator reads the facts in SQL and asks these.
 */

const DOWN: readonly AppStatus[] = ['missing', 'unavailable'];
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Unavailable or missing for at least `minutes`: `changes` are the status
 * changes from the last one at or before `asOf − minutes` up to `asOf`
 * (status holds until the next report). Returns since when it is down
 * (the first change of the down run the changes show), or null.
 */
export function downSince(
  changes: readonly StatusChange[],
  asOf: number,
  minutes: number,
): number | null {
  const from = asOf - minutes * MINUTE_MS;
  const seen = changes.filter(c => c.at <= asOf);
  // The status in force at `from` is the last change at or before it: one
  // reported exactly then supersedes those before (a `ready` an hour
  // earlier says nothing about the window).
  let start = -1;
  for (let i = 0; i < seen.length && seen[i].at <= from; i++) start = i;
  if (start < 0) return null;
  if (!seen.slice(start).every(c => DOWN.includes(c.status))) return null;
  // The first change of the down run, which may begin before `from`.
  while (start > 0 && DOWN.includes(seen[start - 1].status)) start--;
  return seen[start].at;
}

/** An online instance went inactive: no check-in for the active window. */
export function isInactive(
  instance: InstanceActivityInput,
  asOf: number,
  activeWindowMs: number,
): boolean {
  return instanceActivity(instance, asOf, activeWindowMs) === 'inactive';
}

/** An install attempt needs attention when it stalled or failed. */
export function troubledAttemptStatus(
  attempt: Parameters<typeof installAttemptStatus>[0],
  asOf: number,
  stalledAfterMs: number,
): Extract<InstallAttemptStatus, 'failed' | 'stalled'> | null {
  const status = installAttemptStatus(attempt, asOf, stalledAfterMs);
  return status === 'failed' || status === 'stalled' ? status : null;
}

/**
 * The license expires within `days` after `asOf`, or has expired (it stays
 * an alert until the license is renewed or the customer archived).
 */
export function licenseExpiresWithin(
  customer: { expiresAt: number | null; archived: boolean },
  asOf: number,
  days: number,
): boolean {
  return (
    !customer.archived &&
    customer.expiresAt !== null &&
    customer.expiresAt <= asOf + days * DAY_MS
  );
}

export interface RunningInstance extends InstanceActivityInput {
  id: string;
  releases: readonly Release[];
  running: { sequence?: number | null; versionLabel?: string | null };
}

/**
 * The customer's active instances (active online and unarchived air gap,
 * those its report lists) that are at least `minimum` versions behind, worst
 * first.
 */
export function instancesBehind(
  instances: readonly RunningInstance[],
  asOf: number,
  activeWindowMs: number,
  minimum: number,
): { id: string; versionsBehind: number }[] {
  return instances
    .filter(i => {
      const activity = instanceActivity(i, asOf, activeWindowMs);
      return activity === 'active' || activity === 'airgap';
    })
    .map(i => ({
      id: i.id,
      versionsBehind: versionStanding(i.releases, i.running, asOf)
        .versionsBehind,
    }))
    .filter(
      (i): i is { id: string; versionsBehind: number } =>
        i.versionsBehind !== null && i.versionsBehind >= minimum,
    )
    .sort(
      (a, b) => b.versionsBehind - a.versionsBehind || (a.id < b.id ? -1 : 1),
    );
}

/**
 * A new instance reached ready for the first time within the look-back
 * before `asOf`: an event, told once, never "recovered".
 */
export function firstReadyWithin(
  instance: { firstReadyAt: number | null },
  asOf: number,
  lookbackMs: number,
): boolean {
  return (
    instance.firstReadyAt !== null &&
    instance.firstReadyAt <= asOf &&
    instance.firstReadyAt >= asOf - lookbackMs
  );
}
