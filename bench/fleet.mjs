/*
 * Benchmark fleet: the demo fleet's logic
 * (plugins/customer-reporting-backend-module-demo-data/src/demoFleet.ts) scaled to a size,
 * plus fixed "probe" customers whose reports are timed. This file plans the
 * customers and instances; fleetCheckIns.mjs generates their check-ins and
 * fleetEvents.mjs their install attempt and portal events.
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
  DEMO_CUSTOMER_NAMES,
  DEMO_LICENSE_TYPES,
} from '../plugins/customer-reporting-backend-module-demo-data/src/demoCatalog.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const iso = ms => new Date(ms).toISOString();

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
