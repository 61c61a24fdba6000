import { DEMO_APPS, DEMO_CHANNELS } from './demoCatalog';
import { SeededRandom } from './random';
import { DAY, HOUR, iso } from './time';

export interface DemoRelease {
  sequence: number;
  versionLabel: string;
  promotedAt: number;
}

/** Releases of every channel, keyed `app/channel`, oldest first. */
export type ReleaseHistory = Map<string, DemoRelease[]>;

export const channelKey = (appSlug: string, channelSlug: string) =>
  `${appSlug}/${channelSlug}`;

/** Minors of the previous major, before the current one started at x.0. */
const PREVIOUS_MAJOR_MINORS = 25;

/**
 * Stable's version label `back` releases before its latest: a minor version
 * at a time with a patch after every second minor (so 2.10.1 is the latest
 * and 2.10.0, 2.9.0 came before it), running back into the previous major.
 */
function stableLabel(major: number, back: number): string {
  const p = 11 - back;
  const minor = 3 + p - Math.floor((p + 1) / 3);
  const patch = ((p % 3) + 3) % 3 === 2 ? 1 : 0;
  return minor < 0
    ? `${major - 1}.${minor + PREVIOUS_MAJOR_MINORS}.${patch}`
    : `${major}.${minor}.${patch}`;
}

/**
 * A Beta or Unstable release at `at`: Beta ships betas of the Stable minor
 * after the one out then ('2.11.0-beta.2'), Unstable alphas of the minor
 * after that ('2.12.0-alpha.3'), so a version's alphas come before its
 * betas and those before its release; numbered within that minor.
 */
function prereleaseLabel(
  stable: DemoRelease[],
  channel: string,
  at: number,
  earlier: DemoRelease[],
): string {
  const current = stable[Math.max(0, latestReleaseAt(stable, at))];
  const [major, minor] = current.versionLabel.split('.').map(Number);
  const ahead = minor + (channel === 'beta' ? 1 : 2);
  // After the previous major's last minor come the current major's.
  const upcoming =
    ahead >= PREVIOUS_MAJOR_MINORS
      ? `${major + 1}.${ahead - PREVIOUS_MAJOR_MINORS}.0`
      : `${major}.${ahead}.0`;
  const next = `${upcoming}-${channel === 'beta' ? 'beta' : 'alpha'}`;
  const n = earlier.filter(r => r.versionLabel.startsWith(`${next}.`)).length;
  return `${next}.${n + 1}`;
}

/**
 * The apps' request bodies and their release histories. Each channel's
 * latest release came out about half a cadence before `now`, earlier ones
 * a cadence apart give or take a fifth, at any time of day; Stable's reach
 * back about two years (DEMO_CHANNELS).
 */
export function planReleases(
  rnd: SeededRandom,
  now: number,
): {
  apps: { slug: string; body: unknown }[];
  history: ReleaseHistory;
} {
  const history: ReleaseHistory = new Map();
  const apps = DEMO_APPS.map((app, appIndex) => {
    const channels = DEMO_CHANNELS.map(channel => {
      const cadence = channel.everyDays * DAY;
      let promotedAt = now - cadence * 0.5 - rnd.ms(0, 12 * HOUR);
      const newestFirst: number[] = [];
      for (let i = 0; i < channel.releases; i++) {
        newestFirst.push(promotedAt);
        promotedAt -= rnd.ms(cadence * 0.8, cadence * 1.2);
      }
      const stable = history.get(channelKey(app.slug, 'stable'))!;
      const releases: DemoRelease[] = [];
      newestFirst.reverse().forEach((at, i) =>
        releases.push({
          sequence: i + 1,
          versionLabel:
            channel.slug === 'stable'
              ? stableLabel(2 - appIndex, channel.releases - 1 - i)
              : prereleaseLabel(stable, channel.slug, at, releases),
          promotedAt: at,
        }),
      );
      history.set(channelKey(app.slug, channel.slug), releases);
      return {
        slug: channel.slug,
        name: channel.name,
        releases: releases.map(r => ({ ...r, promotedAt: iso(r.promotedAt) })),
      };
    });
    return { slug: app.slug, body: { name: app.name, channels } };
  });
  return { apps, history };
}

/** Index of the latest release promoted at or before `at`, -1 when none. */
export function latestReleaseAt(releases: DemoRelease[], at: number): number {
  let found = -1;
  releases.forEach((r, i) => {
    if (r.promotedAt <= at) found = i;
  });
  return found;
}
