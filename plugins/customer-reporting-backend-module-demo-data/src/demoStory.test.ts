import { EXPIRING_SOON_DAYS } from '@customer-reporting/plugin-customer-reporting-common';
import {
  indexDemoFleet,
  MINUTE,
  Row,
  time,
} from './__testUtils__/indexDemoFleet';
import { DEMO_STORY_CUSTOMERS } from './demoCatalog';

/** Compares dotted version numbers ("1.30.4-eks-a737599" reads 1.30.4). */
function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .split(/[^0-9.]/)[0]
      .split('.')
      .map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * The demo fleet tells a believable story over time: versions move forward,
 * instances appear over weeks, and the story customers each show their one
 * problem.
 */
describe('the demo story', () => {
  const {
    now: NOW,
    fleet,
    customers,
    customerNamed,
    byInstance,
    started,
  } = indexDemoFleet(Date.parse('2026-11-27T12:00:00Z'));

  it('moves versions only forward, except for the one planned rollback', () => {
    const backwards: { customer: string; field: string }[] = [];
    for (const checkIns of byInstance.values()) {
      checkIns.slice(1).forEach((c, i) => {
        const before = checkIns[i];
        const customer = customers.get(c.customerId)!.name;
        if (c.releaseSequence < before.releaseSequence)
          backwards.push({ customer, field: 'release' });
        for (const field of ['k8sVersion', 'kotsVersion', 'sdkVersion'])
          if (
            c[field] &&
            before[field] &&
            compareVersions(c[field], before[field]) < 0 &&
            c.releaseSequence >= before.releaseSequence
          )
            backwards.push({ customer, field });
      });
    }
    expect(backwards).toEqual([
      { customer: DEMO_STORY_CUSTOMERS.rollback, field: 'release' },
    ]);
    // Upgrades are events, not a flip every check-in: even an instance of
    // two years on a fast channel changes version in few of its reports
    // (air gap instances report once per few days, so upgrades show in most).
    const flips = [...byInstance.values()]
      .filter(list => !list[0].airgap)
      .filter(
        list =>
          list.filter(
            (c, i) => i > 0 && c.appVersion !== list[i - 1].appVersion,
          ).length >
          list.length / 5,
      )
      .map(list => list[0].instanceId);
    expect(flips).toEqual([]);
  });

  it('spreads first-seen times and uses natural seconds', () => {
    const firstSeen = [...byInstance.values()].map(list => time(list[0]));
    const perMinute = new Map<number, number>();
    for (const t of firstSeen) {
      const minute = Math.floor(t / MINUTE);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(2);
    // Not bunched at the start of history.
    const earliest = Math.min(...firstSeen);
    expect(
      firstSeen.filter(t => t < earliest + 24 * 3600_000).length,
    ).toBeLessThanOrEqual(3);
    const seconds = new Set(
      [...fleet.checkIns, ...fleet.attemptEvents, ...fleet.portalEvents].map(
        e => (e.at as string).slice(17, 23),
      ),
    );
    expect(seconds.size).toBeGreaterThan(5000);
    const latest = [
      ...fleet.checkIns,
      ...fleet.attemptEvents,
      ...fleet.portalEvents,
    ].reduce((max, e) => Math.max(max, time(e as Row)), 0);
    expect(latest).toBeLessThanOrEqual(NOW);
  });

  it('has at most one install under way at load time', () => {
    const finished = new Set(
      fleet.attemptEvents
        .filter(e =>
          ['completed', 'failed', 'discarded'].includes(e.type as string),
        )
        .map(e => e.attemptId),
    );
    const recent = started.filter(
      e => !finished.has(e.attemptId) && time(e) > NOW - 60 * MINUTE,
    );
    expect(recent).toHaveLength(1);
  });

  it('puts each story customer on its own problem', () => {
    const events = (name: string) =>
      started.filter(e => e.customerId === customerNamed(name));
    const instances = (name: string) =>
      [...byInstance.values()].filter(
        list => list[0].customerId === customerNamed(name),
      );
    // The stalled install: one Helm attempt, a step hours ago, nothing since.
    const stalled = events(DEMO_STORY_CUSTOMERS.stalledInstall);
    expect(stalled).toHaveLength(1);
    const steps = fleet.attemptEvents.filter(
      e => e.attemptId === stalled[0].attemptId,
    );
    expect(steps.map(e => e.type)).toEqual(['started', 'step']);
    expect(NOW - time(steps[1] as Row)).toBeGreaterThan(3 * 60 * MINUTE);
    expect(instances(DEMO_STORY_CUSTOMERS.stalledInstall)).toHaveLength(0);

    // Down since yesterday: ready until a day or so ago, unavailable since.
    const [down] = instances(DEMO_STORY_CUSTOMERS.downSinceYesterday);
    const lastReady = down.filter(c => c.appStatus === 'ready').pop()!;
    expect(NOW - time(lastReady) > 20 * 60 * MINUTE).toBe(true);
    expect(NOW - time(lastReady) < 36 * 60 * MINUTE).toBe(true);
    const since = down.filter(c => time(c) > time(lastReady));
    expect(since.length).toBeGreaterThan(4);
    expect(new Set(since.map(c => c.appStatus))).toEqual(
      new Set(['unavailable']),
    );

    // Expiring in ten days.
    const expiring = customers.get(
      customerNamed(DEMO_STORY_CUSTOMERS.licenseExpiring),
    )!;
    const daysLeft = (Date.parse(expiring.expiresAt) - NOW) / (1440 * MINUTE);
    expect(Math.floor(daysLeft)).toBe(10);
    // The only license that runs out soon.
    const soon = [...customers.values()].filter(
      c =>
        c.expiresAt &&
        Date.parse(c.expiresAt) > NOW &&
        Date.parse(c.expiresAt) <= NOW + EXPIRING_SOON_DAYS * 1440 * MINUTE,
    );
    expect(soon.map(c => c.name)).toEqual([
      DEMO_STORY_CUSTOMERS.licenseExpiring,
    ]);
  });
});
