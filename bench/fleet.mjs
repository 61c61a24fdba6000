/*
 * Benchmark fleet generator: the demo fleet's logic
 * (plugins/customer-reporting-backend-module-demo-data/src/demoFleet.ts) scaled to a size,
 * plus fixed "probe" customers whose reports are timed.
 *
 * SeededRandom and the demo catalog (apps, channels, distributions, clouds,
 * failure reasons, license types) are imported from the plugin's TypeScript
 * sources (Node 22 strips the types), so the bench follows the demo.
 *
 * Everything is lazy: an instance's check-ins are regenerated from its own
 * seed whenever they are iterated, so L (≈9 M check-ins) never sits in memory
 * and the API run and the floor run see exactly the same rows.
 */
import { SeededRandom } from '../plugins/customer-reporting-backend-module-demo-data/src/random.ts';
import {
  DEMO_APPS,
  DEMO_CHANNELS,
  DEMO_CLOUDS,
  DEMO_CUSTOMER_NAMES,
  DEMO_DISTRIBUTIONS,
  DEMO_FAILURE_REASONS,
  DEMO_LICENSE_TYPES,
} from '../plugins/customer-reporting-backend-module-demo-data/src/demoCatalog.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const iso = ms => new Date(ms).toISOString();

export const SIZES = {
  S: { customers: 50, instances: 500, days: 14, attempts: 2_000 },
  M: { customers: 1_000, instances: 10_000, days: 30, attempts: 40_000 },
  L: { customers: 5_000, instances: 50_000, days: 30, attempts: 200_000 },
};

/**
 * Customers whose reports are timed. They come on top of the size's
 * customers and instances so that every size has the same probes.
 */
export const PROBES = [
  { id: 'probe-1', instances: 1, days: null, label: 'report, 1 instance' },
  { id: 'probe-50', instances: 50, days: null, label: 'report, 50 instances' },
  {
    id: 'probe-500',
    instances: 500,
    days: null,
    label: 'report, 500 instances',
  },
  {
    id: 'probe-hist-14',
    instances: 50,
    days: 14,
    label: 'report, 50 instances, 14 days of history',
  },
  {
    id: 'probe-hist-90',
    instances: 50,
    days: 90,
    label: 'report, 50 instances, 90 days of history',
  },
];

const LICENSE_DAYS = { trial: 60, paid: 365 };
const CLUSTER_TYPES = { kurl: 'kurl', 'embedded-cluster': 'embedded' };

function channelFor(index) {
  if (index % 7 === 3) return 'beta';
  if (index % 11 === 5) return 'unstable';
  return 'stable';
}

/**
 * The plan of a fleet: apps, customers (request bodies) and instances (with
 * a seed each). Check-ins, attempt events and portal events are iterated
 * from it on demand.
 */
export function planFleet(sizeName, now, seed = 20261127) {
  const size = SIZES[sizeName];
  if (!size) throw new Error(`unknown size ${sizeName} (S, M or L)`);
  const rnd = new SeededRandom(seed);
  const releasesByChannel = new Map();
  const apps = DEMO_APPS.map(app => {
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
    return { slug: app.slug, body: { name: app.name, channels } };
  });

  const customers = [];
  const instances = [];
  const addCustomer = (id, index, historyDays) => {
    const name = `${
      DEMO_CUSTOMER_NAMES[index % DEMO_CUSTOMER_NAMES.length]
    } ${index}`;
    const app = DEMO_APPS[index % 2];
    const channel = channelFor(index);
    const licenseType = DEMO_LICENSE_TYPES[index % DEMO_LICENSE_TYPES.length];
    const createdAt =
      now - (historyDays + rnd.int(1, 30)) * DAY - rnd.int(0, 23) * HOUR;
    const enterprise = index % 3 === 1;
    const domain = `${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')}.example.com`;
    const customer = {
      id,
      index,
      appSlug: app.slug,
      channel,
      domain,
      enterprise,
      createdAt,
      releases: releasesByChannel.get(`${app.slug}/${channel}`),
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
          ? iso(createdAt + LICENSE_DAYS[licenseType] * DAY)
          : null,
        archived: false,
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
    };
    customers.push(customer);
    return customer;
  };
  const addInstance = (customer, n, historyDays, probe) => {
    // Probe instances are never inactive, so the report shows all of them.
    const profile = probe
      ? rnd.pick(['healthy', 'healthy', 'flaky', 'failing'])
      : customer.index % 5 === 2 && n === 0
      ? 'airgap'
      : rnd.pick([
          'healthy',
          'healthy',
          'healthy',
          'flaky',
          'inactive',
          'failing',
        ]);
    // Most instances run the whole period; one in five appears later.
    const lateStart =
      !probe && rnd.chance(0.2)
        ? rnd.int(1, Math.max(1, historyDays - 2)) * DAY
        : 0;
    instances.push({
      id: `${customer.id.replace(/^cust-/, '')}-${n}-${rnd.hex(12)}`,
      customer,
      profile,
      n,
      firstSeen: now - historyDays * DAY + rnd.int(0, 20) * HOUR + lateStart,
      seed: rnd.int(1, 2 ** 31),
    });
  };

  for (let c = 0; c < size.customers; c++)
    addCustomer(`cust-${rnd.hex(12)}`, c, size.days);
  // Instances over the regular customers, skewed: low indices get more.
  const regular = customers.slice();
  for (let k = 0; k < size.instances; k++) {
    const customer = regular[Math.floor(regular.length * rnd.next() ** 2)];
    customer.instanceCount = (customer.instanceCount ?? 0) + 1;
  }
  for (const customer of regular) {
    for (let n = 0; n < (customer.instanceCount ?? 0); n++)
      addInstance(customer, n, size.days, false);
  }
  PROBES.forEach((p, k) => {
    const days = p.days ?? size.days;
    const customer = addCustomer(p.id, size.customers + k, days);
    for (let n = 0; n < p.instances; n++) addInstance(customer, n, days, true);
  });

  return { size: sizeName, ...size, now, seed, apps, customers, instances };
}

/** The check-ins of one instance in time order (demo's addInstance logic). */
export function instanceCheckIns(fleet, instance) {
  const rnd = new SeededRandom(instance.seed);
  const { now } = fleet;
  const { profile, customer, firstSeen, n, id: instanceId } = instance;
  const distribution =
    profile === 'airgap' ? 'embedded-cluster' : rnd.pick(DEMO_DISTRIBUTIONS);
  const cloud = rnd.pick(DEMO_CLOUDS);
  const region = rnd.pick(cloud.regions);
  const kurl = distribution === 'kurl' || distribution === 'embedded-cluster';
  const nodes = kurl ? rnd.int(1, 5) : undefined;
  const step = profile === 'airgap' ? rnd.int(3, 7) * DAY : 4 * HOUR;
  const end =
    profile === 'inactive'
      ? now - rnd.int(2, 10) * DAY
      : now - rnd.int(0, 3) * HOUR;
  const tags = {
    name: `${['prod', 'staging', 'dev', 'qa', 'dr'][n % 5]}-${rnd.hex(3)}`,
    team: rnd.pick(['platform', 'data', 'infra']),
  };
  let users = rnd.int(5, 400);
  // From 21 min: the demo's 20 can collide with the second check-in (same `at`).
  const readyAfter = rnd.int(21, 180) * 60_000;
  const troubleAt = firstSeen + rnd.next() * Math.max(0, end - firstSeen);
  const troubleLength =
    (profile === 'flaky' ? rnd.int(6, 36) : rnd.int(0, 8)) * HOUR;
  const finalStatus =
    profile === 'failing'
      ? rnd.pick(['degraded', 'unavailable', 'missing', 'updating'])
      : 'ready';
  // The demo draws the upgrade lag per check-in (versions flap); the bench
  // draws it once per instance so upgrades are monotonic.
  const lag = rnd.int(0, 20) * DAY;
  const releases = customer.releases;

  const times = [firstSeen, firstSeen + 20 * 60_000, firstSeen + readyAfter];
  for (let t = firstSeen + readyAfter + step; t <= end; t += step)
    times.push(t);
  const out = [];
  times.forEach((at, i) => {
    if (at > now) return;
    let status;
    if (i === 0) status = 'missing';
    else if (i === 1) status = 'unavailable';
    else if (at >= troubleAt && at < troubleAt + troubleLength)
      status =
        profile === 'flaky' && rnd.chance(0.5) ? 'unavailable' : 'degraded';
    else if (i === times.length - 1) status = finalStatus;
    else status = 'ready';
    let release = releases[0];
    for (let r = releases.length - 1; r >= 0; r--) {
      if (releases[r].promotedAt <= at - lag) {
        release = releases[r];
        break;
      }
    }
    if (rnd.chance(0.02)) users += rnd.int(-20, 40);
    out.push({
      instanceId,
      customerId: customer.id,
      at: iso(at),
      clusterId: `cluster-${instanceId.slice(0, 8)}`,
      airgap: profile === 'airgap',
      appStatus: status,
      appVersion: release.versionLabel,
      channelSlug: customer.channel,
      releaseSequence: release.sequence,
      k8sVersion: '1.30.4',
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
        dataSources: 3 + (n % 4),
      },
    });
  });
  return out;
}

/**
 * Check-ins split in two phases. `backfill`: everything older than
 * `liveFrom`, instance by instance (what an importer or an agent catching up
 * sends). `live`: the rest, in time order across instances (what a fleet of
 * agents checking in every 4 h produces), so consecutive items belong to
 * different instances.
 */
export function* backfillCheckIns(fleet, liveFrom) {
  for (const instance of fleet.instances) {
    for (const c of instanceCheckIns(fleet, instance)) {
      if (Date.parse(c.at) < liveFrom) yield c;
    }
  }
}

export function liveCheckIns(fleet, liveFrom) {
  const live = [];
  for (const instance of fleet.instances) {
    for (const c of instanceCheckIns(fleet, instance)) {
      if (Date.parse(c.at) >= liveFrom) live.push(c);
    }
  }
  return live.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function* batches(items, size) {
  let batch = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Install attempt events (demo's addInstallAttempts logic), attempt by
 * attempt: `fleet.attempts` attempts over the regular customers, started
 * within the fleet's period.
 */
export function* attemptEvents(fleet) {
  const rnd = new SeededRandom(fleet.seed + 7);
  const { now } = fleet;
  const customers = fleet.customers.filter(c => !c.id.startsWith('probe-'));
  const outcomes = [
    'succeeded',
    'failed',
    'stalled',
    'in-progress',
    'discarded',
    'succeeded',
  ];
  for (let k = 0; k < fleet.attempts; k++) {
    const customer = customers[Math.floor(customers.length * rnd.next())];
    const outcome = rnd.pick(outcomes);
    const installType = rnd.chance(0.6) ? 'helm' : 'linux';
    const steps =
      installType === 'helm'
        ? ['registry-login', 'images-pulled']
        : ['assets-downloaded'];
    const networkMode = rnd.pick(['online', 'online', 'proxy', 'airgap']);
    const startedAt =
      outcome === 'in-progress'
        ? now - rnd.int(5, 40) * 60_000
        : now -
          2 * HOUR -
          Math.floor(rnd.next() * (fleet.days * DAY - 3 * HOUR));
    const attemptId = `att-${k}-${rnd.hex(12)}`;
    const base = { attemptId, customerId: customer.id };
    yield {
      ...base,
      type: 'started',
      at: iso(startedAt),
      userEmail: `ops@${customer.domain}`,
      installType,
      appVersion: rnd.pick(customer.releases).versionLabel,
      environment:
        installType === 'helm'
          ? { k8sDistribution: rnd.pick(DEMO_DISTRIBUTIONS) }
          : {
              os: rnd.pick(['ubuntu', 'rhel', 'debian']),
              osVersion: rnd.pick(['22.04', '9.4', '12']),
            },
      networkMode,
      registry:
        networkMode === 'airgap' ? 'offline' : rnd.pick(['online', 'partial']),
    };
    let reached = rnd.int(0, steps.length - 1);
    if (outcome === 'succeeded') reached = steps.length;
    if (outcome === 'in-progress') reached = 0;
    let at = startedAt;
    for (let s = 0; s < reached; s++) {
      at += rnd.int(2, 25) * 60_000;
      yield { ...base, type: 'step', step: steps[s], at: iso(at) };
    }
    at += rnd.int(3, 30) * 60_000;
    if (outcome === 'succeeded')
      yield { ...base, type: 'completed', at: iso(at) };
    if (outcome === 'failed') {
      const failedStep = steps[reached] ?? 'started';
      const event = {
        ...base,
        type: 'failed',
        reason: `${rnd.pick(DEMO_FAILURE_REASONS[failedStep])} (node ${rnd.int(
          1,
          40,
        )})`,
        at: iso(at),
      };
      if (failedStep !== 'started') event.step = failedStep;
      yield event;
    }
    if (outcome === 'discarded')
      yield { ...base, type: 'discarded', at: iso(at) };
  }
}

/** Portal events (demo's addPortalEvents logic), customer by customer. */
export function* portalEvents(fleet) {
  const rnd = new SeededRandom(fleet.seed + 11);
  const { now } = fleet;
  for (const c of fleet.customers) {
    const at = days => iso(Math.min(now - HOUR, c.createdAt + days * DAY));
    if (!c.enterprise) {
      for (let k = 0, n = rnd.int(0, 3); k < n; k++)
        yield {
          customerId: c.id,
          type: 'downloaded',
          at: at(rnd.int(1, 60)),
          version: rnd.pick(c.releases).versionLabel,
        };
      continue;
    }
    const users = ['ops', 'admin', 'dev', 'sre']
      .slice(0, rnd.int(1, 4))
      .map(u => `${u}@${c.domain}`);
    for (const [k, email] of users.entries()) {
      yield { customerId: c.id, type: 'user-invited', email, at: at(k + 1) };
      if (rnd.chance(0.7))
        yield { customerId: c.id, type: 'user-joined', email, at: at(k + 2) };
    }
    yield { customerId: c.id, type: 'accessed', email: users[0], at: at(2) };
    yield {
      customerId: c.id,
      type: 'software-pulled',
      at: at(3),
      version: rnd.pick(c.releases).versionLabel,
    };
  }
}

/** The check_ins row the store writes for a check-in (for the floor). */
export function checkInRow(c, receivedAt) {
  const { instanceId, customerId, at, ...fields } = c;
  return {
    instance_id: instanceId,
    at: Date.parse(at),
    app_status: fields.appStatus ?? null,
    payload: JSON.stringify(fields),
    received_at: receivedAt,
  };
}
