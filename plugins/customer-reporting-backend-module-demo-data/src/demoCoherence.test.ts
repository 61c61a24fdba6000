import {
  indexDemoFleet,
  MINUTE,
  Row,
  time,
} from './__testUtils__/indexDemoFleet';

/**
 * The demo fleet holds together the way a suspicious first-time user
 * checks it: installs fit the platform and the license, portal activity
 * follows portal visits, versions are spread and were out when used.
 */
describe('the demo fleet', () => {
  const { fleet, customers, byInstance, started } = indexDemoFleet(
    Date.parse('2026-11-27T12:00:00Z'),
  );

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

  it('gives Embedded Cluster its own cluster type, with its node counts', () => {
    const last = [...byInstance.values()].map(list => list[list.length - 1]);
    const ec = last.filter(c => c.k8sDistribution === 'embedded-cluster');
    const kurl = last.filter(c => c.k8sDistribution === 'kurl');
    expect(ec.length).toBeGreaterThan(5);
    expect(kurl.length).toBeGreaterThan(0);
    for (const c of ec) {
      expect(c.clusterType).toBe('embedded');
      expect(c.kurlNodesTotal).toBeGreaterThan(0);
      expect(c.kurlNodesReady).toBeLessThanOrEqual(c.kurlNodesTotal as number);
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
});
