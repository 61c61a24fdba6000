import { EXPIRING_SOON_DAYS } from '@internal/plugin-customer-reporting-common';
import { DEMO_STORY_CUSTOMERS } from './demoCatalog';
import { generateDemoFleet } from './demoFleet';

/**
 * The demo fleet tells a believable story: these tests read the generated
 * request bodies the way a suspicious first-time user reads the pages.
 */
const MINUTE = 60_000;
type Row = Record<string, any>;

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

/** The portal generates the fleet at start-up: any time of day must do. */
describe.each([
  '2026-11-27T12:00:00Z',
  '2026-03-01T00:30:00Z',
  '2027-07-15T18:45:10Z',
])('the demo story generated at %s', loadTime => {
  const NOW = Date.parse(loadTime);
  const fleet = generateDemoFleet(NOW);

  const customers = new Map(
    fleet.customers.map(c => [c.id, c.body as Row] as const),
  );
  const customerNamed = (name: string) =>
    fleet.customers.find(c => (c.body as Row).name === name)!.id;
  const byInstance = new Map<string, Row[]>();
  for (const c of fleet.checkIns) {
    const list = byInstance.get(c.instanceId as string) ?? [];
    list.push(c);
    byInstance.set(c.instanceId as string, list);
  }
  const started = fleet.attemptEvents.filter(
    e => e.type === 'started',
  ) as Row[];
  const time = (e: Row) => Date.parse(e.at);

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
    // Upgrades are events, not a flip every check-in.
    const changes = [...byInstance.values()].map(
      list =>
        list.filter((c, i) => i > 0 && c.appVersion !== list[i - 1].appVersion)
          .length,
    );
    expect(Math.max(...changes)).toBeLessThanOrEqual(20);
  });

  it('pairs Linux install attempts with real OS releases', () => {
    const real: Record<string, RegExp> = {
      ubuntu: /^(20|22|24)\.04$/,
      rhel: /^[89]\.\d{1,2}$/,
      rocky: /^[89]\.\d{1,2}$/,
      debian: /^(11|12)$/,
      amzn: /^(2|2023)$/,
    };
    const linux = started.filter(e => e.installType === 'linux');
    expect(linux.length).toBeGreaterThan(5);
    for (const e of linux) {
      expect(e.environment.osVersion).toMatch(real[e.environment.os]);
      expect(e.environment.k8sDistribution).toBeUndefined();
    }
    expect(new Set(linux.map(e => e.environment.os)).size).toBeGreaterThan(2);
  });

  it('makes Helm attempts only on Kubernetes distributions, and matches the instance they made', () => {
    const helm = started.filter(e => e.installType === 'helm');
    expect(helm.length).toBeGreaterThan(5);
    for (const e of helm) {
      expect(e.environment.os).toBeUndefined();
      expect(['embedded-cluster', 'kurl']).not.toContain(
        e.environment.k8sDistribution,
      );
    }
    const completed = fleet.attemptEvents.filter(e => e.type === 'completed');
    expect(completed.length).toBeGreaterThan(10);
    const made = completed.map(done => {
      const start = started.find(s => s.attemptId === done.attemptId)!;
      const instance = byInstance.get(done.instanceId as string)!;
      return {
        installType: start.installType,
        attempted: start.environment.k8sDistribution ?? 'a Linux host',
        distribution: instance[0].k8sDistribution,
        // The instance shows up minutes after the install completed.
        gap: time(instance[0]) - time(done as Row),
      };
    });
    expect(
      made.filter(m =>
        m.installType === 'helm'
          ? m.distribution !== m.attempted
          : !['embedded-cluster', 'kurl'].includes(m.distribution),
      ),
    ).toEqual([]);
    expect(made.filter(m => m.gap <= 0 || m.gap > 10 * MINUTE)).toEqual([]);
  });

  it('respects entitlements: air gap, Embedded Cluster, kURL, Enterprise Portal', () => {
    const airgapAttempts = started.filter(e => e.networkMode === 'airgap');
    expect(airgapAttempts.length).toBeGreaterThan(0);
    for (const e of airgapAttempts) {
      expect(customers.get(e.customerId)!.features.airgap).toBe(true);
      expect(e.registry).toBe('offline');
    }
    const unentitled = [...byInstance.values()].filter(([first]) => {
      const { features } = customers.get(first.customerId)!;
      return (
        (first.airgap && !features.airgap) ||
        (first.k8sDistribution === 'embedded-cluster' &&
          !features.embeddedClusterDownload) ||
        (first.k8sDistribution === 'kurl' && !features.kurlInstall)
      );
    });
    expect(unentitled).toEqual([]);
    expect([...byInstance.values()].some(([first]) => first.airgap)).toBe(true);
    // Install attempts are tracked through the Enterprise Portal.
    for (const e of started)
      expect(customers.get(e.customerId)!.enterprisePortalEnabled).toBe(true);
  });

  it('has portal users visit the portal before each install attempt and portal activity', () => {
    const accesses = fleet.portalEvents.filter(e => e.type === 'accessed');
    const visitedBefore = (
      customerId: string,
      at: number,
      withinMs: number,
      email?: string,
    ) =>
      accesses.some(
        a =>
          a.customerId === customerId &&
          (email === undefined || a.email === email) &&
          time(a as Row) <= at &&
          time(a as Row) >= at - withinMs,
      );
    for (const e of started)
      expect(
        visitedBefore(e.customerId, time(e), 30 * MINUTE, e.userEmail),
      ).toBe(true);
    const activity = fleet.portalEvents.filter(e =>
      [
        'software-pulled',
        'service-account-created',
        'support-bundle-uploaded',
      ].includes(e.type as string),
    );
    expect(activity.length).toBeGreaterThan(10);
    // Pulls happen during an install, up to an hour into the visit.
    for (const e of activity)
      expect(
        visitedBefore(e.customerId as string, time(e as Row), 2 * 60 * MINUTE),
      ).toBe(true);
    // Only joined users visit, after they joined.
    for (const a of accesses) {
      const joined = fleet.portalEvents.find(
        e =>
          e.type === 'user-joined' &&
          e.customerId === a.customerId &&
          e.email === a.email,
      );
      expect(joined && time(joined as Row) <= time(a as Row)).toBe(true);
    }
  });

  it('gives Embedded Cluster its own cluster type, without kURL node counts', () => {
    const last = [...byInstance.values()].map(list => list[list.length - 1]);
    const ec = last.filter(c => c.k8sDistribution === 'embedded-cluster');
    const kurl = last.filter(c => c.k8sDistribution === 'kurl');
    expect(ec.length).toBeGreaterThan(5);
    expect(kurl.length).toBeGreaterThan(0);
    for (const c of ec) {
      expect(c.clusterType).toBe('embedded');
      expect(c.kurlNodesTotal).toBeUndefined();
      expect(c.kurlNodesReady).toBeUndefined();
    }
    for (const c of kurl) {
      expect(c.clusterType).toBe('kurl');
      expect(c.kurlNodesTotal).toBeGreaterThan(0);
    }
    for (const c of last.filter(
      x => !['embedded-cluster', 'kurl'].includes(x.k8sDistribution),
    )) {
      expect(c.clusterType).toBe('existing');
      expect(c.kurlNodesTotal).toBeUndefined();
    }
    // Managed Kubernetes runs on its own cloud.
    const cloudOf: Record<string, string> = {
      eks: 'aws',
      gke: 'gcp',
      aks: 'azure',
    };
    const managed = last.filter(c => cloudOf[c.k8sDistribution]);
    expect(managed.length).toBeGreaterThan(10);
    expect(
      managed.filter(c => c.cloudProvider !== cloudOf[c.k8sDistribution]),
    ).toEqual([]);
  });

  it('spreads Kubernetes, KOTS and SDK versions', () => {
    const last = [...byInstance.values()].map(list => list[list.length - 1]);
    const minors = new Set(
      last.map(c => c.k8sVersion.split('.').slice(0, 2).join('.')),
    );
    expect(minors.size).toBeGreaterThanOrEqual(3);
    expect(
      new Set(last.map(c => c.kotsVersion).filter(Boolean)).size,
    ).toBeGreaterThanOrEqual(3);
    expect(new Set(last.map(c => c.sdkVersion)).size).toBeGreaterThanOrEqual(3);
    const commonest = (values: string[]) =>
      Math.max(
        ...[...new Set(values)].map(v => values.filter(x => x === v).length),
      );
    expect(commonest(last.map(c => c.k8sVersion))).toBeLessThan(
      last.length / 3,
    );
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

  it('only installs, pulls or downloads releases that were out', () => {
    const promoted = new Map<string, number>();
    for (const app of fleet.apps)
      for (const channel of (app.body as Row).channels)
        for (const r of channel.releases)
          promoted.set(
            r.versionLabel,
            Math.min(
              promoted.get(r.versionLabel) ?? Infinity,
              Date.parse(r.promotedAt),
            ),
          );
    const versioned = [
      ...started.map(e => ({ version: e.appVersion, at: time(e) })),
      ...fleet.portalEvents
        .filter(e => e.version)
        .map(e => ({ version: e.version as string, at: time(e as Row) })),
    ];
    expect(versioned.length).toBeGreaterThan(50);
    for (const v of versioned)
      expect(promoted.get(v.version)).toBeLessThanOrEqual(v.at);
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
