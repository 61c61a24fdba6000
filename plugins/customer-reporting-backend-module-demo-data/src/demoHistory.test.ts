import { indexDemoFleet, Row, time } from './__testUtils__/indexDemoFleet';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The last check-in of a time-ordered list at or before `at` (binary search). */
function lastAtOrBefore(list: Row[], at: number): Row | undefined {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time(list[mid]) <= at) lo = mid + 1;
    else hi = mid;
  }
  return list[lo - 1];
}

/**
 * The demo fleet has a past: customers signed up over two years, their
 * instances and installs came after, and releases spread through the fleet
 * at their own pace, so no two releases' adoption curves look alike.
 */
describe('the demo history', () => {
  const { now, fleet, customers, byInstance, started } = indexDemoFleet(
    Date.parse('2026-11-27T12:00:00Z'),
  );
  const all = [...customers.values()];
  const age = (c: Row) => (now - Date.parse(c.createdAt)) / DAY;

  it('spreads sign-ups over two years: old paid customers, recent trials', () => {
    const ages = all.map(age);
    expect(Math.max(...ages)).toBeGreaterThan(365);
    expect(Math.max(...ages)).toBeLessThan(750);
    expect(ages.filter(a => a > 180).length).toBeGreaterThan(all.length / 3);
    expect(ages.filter(a => a < 90).length).toBeGreaterThan(5);
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ofType = (type: string) =>
      all.filter(c => c.licenseType === type).map(age);
    expect(median(ofType('paid'))).toBeGreaterThan(180);
    expect(median(ofType('trial'))).toBeLessThan(median(ofType('paid')));
    // Licenses run out after sign-up; a running trial is under 60 days old.
    const expiring = all.filter(x => x.expiresAt);
    expect(
      expiring.filter(c => Date.parse(c.expiresAt) <= Date.parse(c.createdAt)),
    ).toEqual([]);
    const runningTrials = expiring.filter(
      c => c.licenseType === 'trial' && Date.parse(c.expiresAt) > now,
    );
    expect(runningTrials.filter(c => age(c) >= 60)).toEqual([]);
  });

  it('sees instances and install attempts only after sign-up', () => {
    for (const [first] of byInstance.values())
      expect(time(first)).toBeGreaterThan(
        Date.parse(customers.get(first.customerId)!.createdAt),
      );
    for (const e of started)
      expect(time(e)).toBeGreaterThan(
        Date.parse(customers.get(e.customerId)!.createdAt),
      );
  });

  it('has no portal activity or install attempt after a license ran out', () => {
    const late = [...fleet.portalEvents, ...fleet.attemptEvents]
      .filter(e => {
        const { expiresAt } = customers.get(e.customerId as string)!;
        return expiresAt && time(e as Row) > Date.parse(expiresAt);
      })
      .map(e => `${customers.get(e.customerId as string)!.name} ${e.type}`);
    expect(late).toEqual([]);
  });

  it('keeps the history of old instances at a bounded size', () => {
    const sizes = [...byInstance.values()].map(list => list.length);
    // Four-hourly for the last three weeks, daily before: under 1000 for two years.
    expect(Math.max(...sizes)).toBeLessThan(1000);
    expect(fleet.checkIns.length).toBeLessThan(60_000);
    // Daily reports stay under 24 h apart, so old instances stay active.
    for (const list of byInstance.values()) {
      if (list[0].airgap) continue;
      const gaps = list.slice(1).map((c, i) => time(c) - time(list[i]));
      expect(Math.max(0, ...gaps)).toBeLessThan(DAY);
    }
  });

  it('reports four-hourly around trouble and upgrades, so they last as long as they did', () => {
    // A one-hour blip between two daily reports would show as a day down,
    // an upgrade as a day "updating".
    const stretched: string[] = [];
    for (const list of byInstance.values()) {
      if (list[0].airgap) continue;
      list.forEach((c, i) => {
        if (i < 2 || c.appStatus === 'ready') return;
        const around = [list[i - 1], list[i + 1]].filter(Boolean);
        if (around.some(x => Math.abs(time(x) - time(c)) > 5 * HOUR))
          stretched.push(`${c.instanceId} ${c.appStatus} ${c.at}`);
      });
    }
    expect(stretched).toEqual([]);
  });

  it('keeps every instance reporting within the default check-in retention', () => {
    // The daily retention task deletes check-ins older than 400 days; first
    // seen, time to install, uptime and events are derived before and kept,
    // and every instance keeps recent raw check-ins.
    const cutOff = now - 400 * DAY;
    const old = [...byInstance.values()].filter(
      list => time(list[list.length - 1]) < cutOff,
    );
    expect(old).toEqual([]);
  });

  it('runs releases only after their promotion', () => {
    const promoted = new Map<string, number>();
    for (const app of fleet.apps)
      for (const channel of (app.body as Row).channels)
        for (const r of channel.releases)
          promoted.set(
            `${app.slug}/${channel.slug}/${r.sequence}`,
            Date.parse(r.promotedAt),
          );
    const early = fleet.checkIns.filter(c => {
      const { appSlug } = customers.get(c.customerId as string)!;
      const key = `${appSlug}/${c.channelSlug}/${c.releaseSequence}`;
      return promoted.get(key)! > time(c as Row);
    });
    expect(early).toEqual([]);
  });

  it('names releases in semver order: alphas of a version before its betas', () => {
    const parse = (label: string) => {
      const [, core, tag, n] = label.match(
        /^(\d+\.\d+\.\d+)(?:-(alpha|beta)\.(\d+))?$/,
      )!;
      const [major, minor, patch] = core.split('.').map(Number);
      const stage = { alpha: 0, beta: 1, undefined: 2 }[String(tag)]!;
      return { core, key: [major, minor, patch, stage, Number(n ?? 0)] };
    };
    const before = (a: number[], b: number[]) => {
      const i = a.findIndex((x, j) => x !== b[j]);
      return i >= 0 && a[i] < b[i];
    };
    const wrong: string[] = [];
    for (const app of fleet.apps) {
      const channels: Row[] = (app.body as Row).channels;
      for (const channel of channels)
        channel.releases.forEach((r: Row, i: number) => {
          const previous = channel.releases[i - 1];
          if (
            previous &&
            !before(parse(previous.versionLabel).key, parse(r.versionLabel).key)
          )
            wrong.push(
              `${app.slug} ${previous.versionLabel} then ${r.versionLabel}`,
            );
        });
      // Across channels: a version's alphas come before its first beta,
      // its betas before its release.
      const together = channels
        .flatMap(c => c.releases as Row[])
        .sort((a, b) => Date.parse(a.promotedAt) - Date.parse(b.promotedAt));
      together.forEach((r, i) =>
        together.slice(i + 1).forEach(later => {
          const [x, y] = [parse(r.versionLabel), parse(later.versionLabel)];
          if (x.core === y.core && before(y.key, x.key))
            wrong.push(
              `${app.slug} ${r.versionLabel} before ${later.versionLabel}`,
            );
        }),
      );
    }
    expect(wrong).toEqual([]);
  });

  it('gives each release its own adoption curve', () => {
    // Per channel, the UTC day on which half of the active instances first
    // ran each release or a newer one. The channel's first instance came
    // within weeks of its first release: releases out before any instance
    // would all reach half on the day the first one shows up.
    const sameDay: string[] = [];
    const lateFirstInstance: string[] = [];
    for (const app of fleet.apps)
      for (const channel of (app.body as Row).channels) {
        const lists = [...byInstance.values()].filter(
          ([first]) =>
            first.channelSlug === channel.slug &&
            customers.get(first.customerId)!.appSlug === app.slug &&
            !first.airgap,
        );
        const runningAt = (end: number) =>
          lists
            .map(list => lastAtOrBefore(list, end))
            .filter((c): c is Row => !!c && time(c) > end - DAY);
        const opened = Date.parse(channel.releases[0].promotedAt);
        const firstSeen = Math.min(...lists.map(([first]) => time(first)));
        if (firstSeen > opened + 21 * DAY)
          lateFirstInstance.push(`${app.slug} ${channel.slug}`);
        const halfDays = new Map<number, string[]>();
        for (const release of channel.releases) {
          const promotedAt = Date.parse(release.promotedAt);
          if (promotedAt < firstSeen) continue;
          const from = Math.ceil(promotedAt / DAY);
          for (let day = from; day * DAY <= now; day++) {
            const end = day * DAY;
            const running = runningAt(end);
            const newer = running.filter(
              c => c.releaseSequence >= release.sequence,
            );
            if (running.length > 0 && newer.length * 2 >= running.length) {
              halfDays.set(day, [
                ...(halfDays.get(day) ?? []),
                release.versionLabel,
              ]);
              break;
            }
          }
        }
        for (const labels of halfDays.values())
          if (labels.length > 2)
            sameDay.push(`${app.slug} ${channel.slug}: ${labels.join(', ')}`);
      }
    expect(lateFirstInstance).toEqual([]);
    expect(sameDay).toEqual([]);
  });
});
