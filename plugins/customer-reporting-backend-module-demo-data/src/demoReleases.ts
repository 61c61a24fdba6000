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

/**
 * Version labels along a channel: Stable moves a minor version at a time
 * with a patch after every second minor (so 2.10 follows 2.9), Beta ships
 * two betas per upcoming minor and Unstable four alphas.
 */
function versionLabel(major: number, channel: string, i: number): string {
  if (channel === 'stable') {
    const minor = 3 + i - Math.floor((i + 1) / 3);
    const patch = i % 3 === 2 ? 1 : 0;
    return `${major}.${minor}.${patch}`;
  }
  const perMinor = channel === 'beta' ? 2 : 4;
  const tag = channel === 'beta' ? 'beta' : 'alpha';
  return `${major}.${3 + Math.floor(i / perMinor)}.0-${tag}.${
    (i % perMinor) + 1
  }`;
}

/**
 * The apps' request bodies and their release histories. Each channel's
 * latest release came out about half a cadence before `now`, earlier ones
 * a cadence apart give or take a fifth, at any time of day.
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
      const releases = newestFirst.reverse().map((at, i) => ({
        sequence: i + 1,
        versionLabel: versionLabel(2 - appIndex, channel.slug, i),
        promotedAt: at,
      }));
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
