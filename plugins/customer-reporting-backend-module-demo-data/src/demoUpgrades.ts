import { DemoRelease, latestReleaseAt } from './demoReleases';
import { SeededRandom } from './random';
import { DAY, HOUR } from './time';

/** From `at` on, the instance runs `releases[index]`. */
export interface VersionStep {
  at: number;
  index: number;
  /** The fleet's one planned rollback: back to the release before. */
  rollback?: boolean;
}

/**
 * The releases an instance runs over its life, moving only forward along
 * its channel: it installs what was current shortly before it was first
 * seen, then upgrades some time (the customer's lag) after new releases,
 * now and then letting one pass. No upgrade lands in its last six hours, so a
 * report never catches it half way. `rollsBack` makes the one exception:
 * production takes the latest release, breaks, and goes back a release.
 */
export function versionTimeline(
  rnd: SeededRandom,
  o: {
    releases: DemoRelease[];
    cadenceMs: number;
    firstSeen: number;
    end: number;
    /** Share of the cadence the customer waits after a release. */
    lag: number;
    /** Extra wait of this instance (production after staging). */
    offsetMs: number;
    /** Chance that the customer lets a release pass and waits for the next. */
    skipChance: number;
    holdAt?: number;
    rollsBack?: boolean;
  },
): VersionStep[] {
  const { releases } = o;
  const latest = releases.length - 1;
  const cap = o.rollsBack ? latest - 1 : o.holdAt ?? latest;
  const installed = Math.min(
    cap,
    Math.max(0, latestReleaseAt(releases, o.firstSeen - rnd.ms(HOUR, 2 * DAY))),
  );
  const steps: VersionStep[] = [{ at: o.firstSeen, index: installed }];
  let skipped = false;
  for (let j = installed + 1; j <= cap; j++) {
    const previous = steps[steps.length - 1];
    const at = Math.max(
      releases[j].promotedAt +
        o.lag * o.cadenceMs * (0.5 + rnd.next()) +
        o.offsetMs,
      previous.at + 2 * HOUR,
    );
    if (at > o.end - 6 * HOUR) break;
    // Never two in a row: customers fall behind by two releases at most.
    skipped = !skipped && rnd.chance(o.skipChance);
    if (skipped) continue;
    const index = Math.min(cap, latestReleaseAt(releases, at));
    if (index > previous.index) steps.push({ at, index });
  }
  if (o.rollsBack) {
    const upgradedAt = Math.max(
      releases[latest].promotedAt + rnd.ms(30 * HOUR, 40 * HOUR),
      steps[steps.length - 1].at + 2 * HOUR,
    );
    steps.push({ at: upgradedAt, index: latest });
    steps.push({
      at: upgradedAt + rnd.ms(6 * HOUR, 10 * HOUR),
      index: latest - 1,
      rollback: true,
    });
  }
  return steps;
}
