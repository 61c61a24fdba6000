import {
  DEMO_APPS,
  DEMO_CHANNELS,
  DEMO_CLOUDS,
  DEMO_CUSTOMER_NAMES,
  DEMO_DISTRIBUTIONS,
  DEMO_FAILURE_REASONS,
  DEMO_LICENSE_TYPES,
} from './demoCatalog';
import { SeededRandom } from './random';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** Request bodies for the ingest routes, as an HTTP client would send them. */
export interface DemoFleet {
  apps: { slug: string; body: unknown }[];
  customers: { id: string; body: unknown }[];
  /** Per instance, in time order. */
  checkIns: Record<string, unknown>[];
  attemptEvents: Record<string, unknown>[];
  portalEvents: Record<string, unknown>[];
}

type Profile = 'healthy' | 'flaky' | 'inactive' | 'airgap' | 'failing';

/** How long licenses of each type run; the others do not expire. */
const LICENSE_DAYS: Partial<Record<string, number>> = { trial: 60, paid: 365 };
const CLUSTER_TYPES: Partial<Record<string, string>> = {
  kurl: 'kurl',
  'embedded-cluster': 'embedded',
};

function channelFor(index: number): string {
  if (index % 7 === 3) return 'beta';
  if (index % 11 === 5) return 'unstable';
  return 'stable';
}

/**
 * Generates the demo fleet relative to `now`: 2 apps with 3 channels each,
 * 40 customers of every license type, about 150 instances with up to 90 days
 * of check-ins every 4 hours, install attempts in every state and portal
 * activity. The same seed gives the same fleet.
 */
export function generateDemoFleet(now: number, seed = 20261127): DemoFleet {
  const rnd = new SeededRandom(seed);
  const fleet: DemoFleet = {
    apps: [],
    customers: [],
    checkIns: [],
    attemptEvents: [],
    portalEvents: [],
  };
  const releasesByChannel = new Map<
    string,
    { sequence: number; versionLabel: string; promotedAt: number }[]
  >();

  for (const app of DEMO_APPS) {
    const channels = DEMO_CHANNELS.map((channel, ci) => {
      const releases = Array.from({ length: channel.releases }, (_, i) => ({
        sequence: i + 1,
        versionLabel:
          ci === 0
            ? `2.${i}.0`
            : `2.${Math.floor(i / 2)}.${i % 2}-${channel.slug}.${i + 1}`,
        promotedAt:
          now -
          (channel.releases - i) * channel.everyDays * DAY +
          rnd.int(0, 12) * HOUR,
      }));
      releasesByChannel.set(`${app.slug}/${channel.slug}`, releases);
      return {
        slug: channel.slug,
        name: channel.name,
        releases: releases.map(r => ({ ...r, promotedAt: iso(r.promotedAt) })),
      };
    });
    fleet.apps.push({ slug: app.slug, body: { name: app.name, channels } });
  }

  DEMO_CUSTOMER_NAMES.forEach((name, index) => {
    const app = DEMO_APPS[index % 2];
    const channel = channelFor(index);
    const licenseType = DEMO_LICENSE_TYPES[index % DEMO_LICENSE_TYPES.length];
    const id = `cust-${rnd.hex(12)}`;
    const createdAt = now - rnd.int(20, 120) * DAY - rnd.int(0, 23) * HOUR;
    const enterprise = index % 3 === 1;
    const domain = `${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')}.example.com`;
    fleet.customers.push({
      id,
      body: {
        name,
        appSlug: app.slug,
        channelSlug: channel,
        email: `admin@${domain}`,
        customId: `CRM-${1000 + index}`,
        licenseType,
        licenseId: `lic_${rnd.hex(24)}`,
        createdAt: iso(createdAt),
        expiresAt: LICENSE_DAYS[licenseType]
          ? iso(createdAt + LICENSE_DAYS[licenseType]! * DAY)
          : null,
        archived: index === 38,
        features: {
          gitops: index % 4 === 0,
          airgap: index % 5 === 2,
          identity: index % 3 === 0,
          snapshots: licenseType === 'paid',
          helmInstall: true,
          kotsInstall: index % 2 === 0,
          kurlInstall: index % 6 === 0,
          embeddedClusterDownload: index % 4 === 1,
          supportBundleUpload: true,
        },
        enterprisePortalEnabled: enterprise,
        customFields: [
          { name: 'region', value: rnd.pick(['NA', 'EMEA', 'APAC']) },
        ],
      },
    });

    // Some customers never got an instance running.
    const instanceCount =
      index % 9 === 7 ? 0 : rnd.int(1, 6) + (index === 0 ? 3 : 0);
    const releases = releasesByChannel.get(`${app.slug}/${channel}`)!;
    for (let n = 0; n < instanceCount; n++) {
      const profile: Profile =
        index % 5 === 2 && n === 0
          ? 'airgap'
          : rnd.pick([
              'healthy',
              'healthy',
              'healthy',
              'flaky',
              'inactive',
              'failing',
            ] as const);
      const firstSeen = Math.max(
        createdAt + rnd.int(1, 15) * DAY + rnd.int(0, 20) * HOUR,
        now - 90 * DAY,
      );
      addInstance(fleet, rnd, {
        customerId: id,
        profile,
        firstSeen,
        now,
        releases,
        channel,
        n,
      });
    }
    addInstallAttempts(fleet, rnd, {
      customerId: id,
      email: `ops@${domain}`,
      createdAt,
      now,
      releases,
    });
    addPortalEvents(fleet, rnd, {
      customerId: id,
      enterprise,
      domain,
      createdAt,
      now,
      releases,
    });
  });
  return fleet;
}

function addInstance(
  fleet: DemoFleet,
  rnd: SeededRandom,
  o: {
    customerId: string;
    profile: Profile;
    firstSeen: number;
    now: number;
    releases: { sequence: number; versionLabel: string; promotedAt: number }[];
    channel: string;
    n: number;
  },
) {
  const instanceId = rnd.hex(27);
  const distribution =
    o.profile === 'airgap' ? 'embedded-cluster' : rnd.pick(DEMO_DISTRIBUTIONS);
  const cloud = rnd.pick(DEMO_CLOUDS);
  const region = rnd.pick(cloud.regions);
  const kurl = distribution === 'kurl' || distribution === 'embedded-cluster';
  const nodes = kurl ? rnd.int(1, 5) : undefined;
  const step = o.profile === 'airgap' ? rnd.int(3, 7) * DAY : 4 * HOUR;
  const end =
    o.profile === 'inactive'
      ? o.now - rnd.int(2, 30) * DAY
      : o.now - rnd.int(0, 3) * HOUR;
  const tags: Record<string, string> = {
    name: `${['prod', 'staging', 'dev', 'qa', 'dr'][o.n % 5]}-${rnd.hex(3)}`,
    team: rnd.pick(['platform', 'data', 'infra']),
  };
  let users = rnd.int(5, 400);
  const readyAfter = rnd.int(20, 180) * 60_000;
  // A trouble window in which the app degrades or goes down.
  const troubleAt = o.firstSeen + rnd.next() * Math.max(0, end - o.firstSeen);
  const troubleLength =
    (o.profile === 'flaky' ? rnd.int(6, 36) : rnd.int(0, 8)) * HOUR;
  const finalStatus =
    o.profile === 'failing'
      ? rnd.pick(['degraded', 'unavailable', 'missing', 'updating'] as const)
      : 'ready';

  const checkInTimes = [
    o.firstSeen,
    o.firstSeen + 20 * 60_000,
    o.firstSeen + readyAfter,
  ];
  for (let t = o.firstSeen + readyAfter + step; t <= end; t += step)
    checkInTimes.push(t);
  checkInTimes.forEach((at, i) => {
    let status: string;
    if (i === 0) status = 'missing';
    else if (i === 1) status = 'unavailable';
    else if (at >= troubleAt && at < troubleAt + troubleLength)
      status =
        o.profile === 'flaky' && rnd.chance(0.5) ? 'unavailable' : 'degraded';
    else if (i === checkInTimes.length - 1) status = finalStatus;
    else status = 'ready';
    const release =
      [...o.releases]
        .reverse()
        .find(r => r.promotedAt <= at - rnd.int(0, 20) * DAY) ?? o.releases[0];
    if (rnd.chance(0.02)) users += rnd.int(-20, 40);
    fleet.checkIns.push({
      instanceId,
      customerId: o.customerId,
      at: new Date(at).toISOString(),
      clusterId: `cluster-${instanceId.slice(0, 8)}`,
      airgap: o.profile === 'airgap',
      appStatus: status,
      appVersion: release.versionLabel,
      channelSlug: o.channel,
      releaseSequence: release.sequence,
      k8sVersion: rnd.chance(0.995) ? '1.30.4' : '1.31.1',
      k8sDistribution: distribution,
      clusterType: CLUSTER_TYPES[distribution] ?? 'existing',
      ...(nodes
        ? {
            kurlNodesTotal: nodes,
            kurlNodesReady: status === 'unavailable' ? nodes - 1 : nodes,
          }
        : {}),
      kotsVersion: '1.124.3',
      sdkVersion: '1.5.2',
      cloudProvider: cloud.provider,
      cloudRegion: region,
      tags,
      customMetrics: {
        activeUsers: Math.max(1, users),
        dataSources: 3 + (o.n % 4),
      },
    });
  });
}

function addInstallAttempts(
  fleet: DemoFleet,
  rnd: SeededRandom,
  o: {
    customerId: string;
    email: string;
    createdAt: number;
    now: number;
    releases: { versionLabel: string }[];
  },
) {
  const outcomes = [
    'succeeded',
    'failed',
    'stalled',
    'in-progress',
    'discarded',
    'succeeded',
  ] as const;
  const count = rnd.int(1, 4);
  for (let k = 0; k < count; k++) {
    const outcome = rnd.pick(outcomes);
    const installType = rnd.chance(0.6) ? 'helm' : 'linux';
    const steps =
      installType === 'helm'
        ? ['registry-login', 'images-pulled']
        : ['assets-downloaded'];
    const networkMode = rnd.pick([
      'online',
      'online',
      'proxy',
      'airgap',
    ] as const);
    const startedAt =
      outcome === 'in-progress'
        ? o.now - rnd.int(5, 40) * 60_000
        : Math.min(o.now - 2 * HOUR, o.createdAt + rnd.int(1, 60) * DAY);
    const attemptId = `att-${rnd.hex(16)}`;
    const base = { attemptId, customerId: o.customerId };
    fleet.attemptEvents.push({
      ...base,
      type: 'started',
      at: new Date(startedAt).toISOString(),
      userEmail: o.email,
      installType,
      appVersion: rnd.pick(o.releases).versionLabel,
      environment:
        installType === 'helm'
          ? { k8sDistribution: rnd.pick(DEMO_DISTRIBUTIONS) }
          : {
              os: rnd.pick(['ubuntu', 'rhel', 'debian']),
              osVersion: rnd.pick(['22.04', '9.4', '12']),
            },
      networkMode,
      registry:
        networkMode === 'airgap'
          ? 'offline'
          : rnd.pick(['online', 'partial'] as const),
    });
    let reached = rnd.int(0, steps.length - 1);
    if (outcome === 'succeeded') reached = steps.length;
    if (outcome === 'in-progress') reached = 0;
    let at = startedAt;
    for (let s = 0; s < reached; s++) {
      at += rnd.int(2, 25) * 60_000;
      fleet.attemptEvents.push({
        ...base,
        type: 'step',
        step: steps[s],
        at: new Date(at).toISOString(),
      });
    }
    at += rnd.int(3, 30) * 60_000;
    if (outcome === 'succeeded')
      fleet.attemptEvents.push({
        ...base,
        type: 'completed',
        at: new Date(at).toISOString(),
      });
    if (outcome === 'failed') {
      const failedStep = steps[reached] ?? 'started';
      const reasons =
        DEMO_FAILURE_REASONS[failedStep as keyof typeof DEMO_FAILURE_REASONS];
      fleet.attemptEvents.push({
        ...base,
        type: 'failed',
        step: failedStep === 'started' ? undefined : failedStep,
        reason: rnd.pick(reasons),
        at: new Date(at).toISOString(),
      });
    }
    if (outcome === 'discarded')
      fleet.attemptEvents.push({
        ...base,
        type: 'discarded',
        at: new Date(at).toISOString(),
      });
  }
}

function addPortalEvents(
  fleet: DemoFleet,
  rnd: SeededRandom,
  o: {
    customerId: string;
    enterprise: boolean;
    domain: string;
    createdAt: number;
    now: number;
    releases: { versionLabel: string }[];
  },
) {
  const at = (days: number) =>
    new Date(Math.min(o.now - HOUR, o.createdAt + days * DAY)).toISOString();
  if (!o.enterprise) {
    for (let k = 0; k < rnd.int(0, 3); k++) {
      fleet.portalEvents.push({
        customerId: o.customerId,
        type: 'downloaded',
        at: at(rnd.int(1, 60)),
        version: rnd.pick(o.releases).versionLabel,
      });
    }
    return;
  }
  const users = ['ops', 'admin', 'dev', 'sre']
    .slice(0, rnd.int(1, 4))
    .map(u => `${u}@${o.domain}`);
  users.forEach((email, k) => {
    fleet.portalEvents.push({
      customerId: o.customerId,
      type: 'user-invited',
      email,
      at: at(k + 1),
    });
    if (rnd.chance(0.7))
      fleet.portalEvents.push({
        customerId: o.customerId,
        type: 'user-joined',
        email,
        at: at(k + 2),
      });
  });
  fleet.portalEvents.push({
    customerId: o.customerId,
    type: 'accessed',
    email: users[0],
    at: at(2),
  });
  fleet.portalEvents.push({
    customerId: o.customerId,
    type: 'accessed',
    email: users[0],
    at: at(rnd.int(5, 90)),
  });
  if (rnd.chance(0.5))
    fleet.portalEvents.push({
      customerId: o.customerId,
      type: 'service-account-created',
      at: at(3),
    });
  if (rnd.chance(0.4))
    fleet.portalEvents.push({
      customerId: o.customerId,
      type: 'support-bundle-uploaded',
      at: at(rnd.int(10, 80)),
    });
  fleet.portalEvents.push({
    customerId: o.customerId,
    type: 'software-pulled',
    at: at(3),
    version: rnd.pick(o.releases).versionLabel,
  });
  fleet.portalEvents.push({
    customerId: o.customerId,
    type: 'software-pulled',
    at: at(rnd.int(10, 80)),
    version: rnd.pick(o.releases).versionLabel,
  });
}
