import { CustomerFeatures } from '@internal/plugin-customer-reporting-common';
import {
  DEMO_APPS,
  DEMO_CUSTOMER_NAMES,
  DEMO_LICENSE_TYPES,
  DEMO_STORY_CUSTOMERS,
} from './demoCatalog';
import { EXISTING_CLUSTER_DISTRIBUTIONS, InstallMethod } from './demoPlatforms';
import { channelKey, ReleaseHistory } from './demoReleases';
import { SeededRandom } from './random';
import { DAY, HOUR } from './time';

export type Story = Exclude<keyof typeof DEMO_STORY_CUSTOMERS, 'healthy'>;

export interface InstancePlan {
  id: string;
  /** 0 is production, then staging, dev, qa, dr. */
  n: number;
  method: InstallMethod;
  distribution: string;
  airgap: boolean;
  firstSeen: number;
  /** No check-in after this. */
  end: number;
  /** Trouble in its history: none, one short blip, or a few outages. */
  trouble: 'none' | 'blip' | 'flaky';
  /** Down (unavailable) from this time on. */
  downFrom?: number;
  /** Index of the newest release it upgrades to. */
  holdAt?: number;
  /** Upgrades to the latest release, breaks and goes back (one in the fleet). */
  rollsBack?: boolean;
}

export interface CustomerPlan {
  id: string;
  name: string;
  domain: string;
  customId: string;
  appSlug: string;
  channel: string;
  licenseType: string;
  createdAt: number;
  expiresAt: number | null;
  archived: boolean;
  enterprise: boolean;
  features: CustomerFeatures;
  /** Days after a release that this customer upgrades, as a share of the channel's cadence. */
  upgradeLag: number;
  instances: InstancePlan[];
  story?: Story;
}

/** How long licenses of each type run; the others do not expire. */
const LICENSE_DAYS: Partial<Record<string, number>> = { trial: 60, paid: 365 };

/** How often everyday instances had trouble: mostly none. */
const TROUBLE = [
  'none',
  'none',
  'none',
  'none',
  'blip',
  'blip',
  'flaky',
] as const;

function channelFor(index: number): string {
  if (index % 7 === 3) return 'beta';
  if (index % 11 === 5) return 'unstable';
  return 'stable';
}

/** Install methods in proportion: Helm most, kURL (the older installer) least. */
const METHOD_WEIGHTS: InstallMethod[] = [
  'helm',
  'helm',
  'helm',
  'kots',
  'embedded-cluster',
  'embedded-cluster',
  'kurl',
];

function entitledMethods(features: CustomerFeatures): InstallMethod[] {
  const entitled: Record<InstallMethod, boolean> = {
    helm: features.helmInstall,
    kots: features.kotsInstall,
    'embedded-cluster': features.embeddedClusterDownload,
    kurl: features.kurlInstall,
  };
  return METHOD_WEIGHTS.filter(m => entitled[m]);
}

function instancePlan(
  rnd: SeededRandom,
  features: CustomerFeatures,
  o: Omit<InstancePlan, 'id' | 'method' | 'distribution'> & {
    method?: InstallMethod;
  },
): InstancePlan {
  const methods = entitledMethods(features);
  // Air gap installs bring their own cluster where the license allows one.
  const airgapMethods = methods.filter(m => m !== 'helm');
  const method =
    o.method ??
    rnd.pick(o.airgap && airgapMethods.length > 0 ? airgapMethods : methods);
  const distribution =
    method === 'helm' || method === 'kots'
      ? rnd.pick(EXISTING_CLUSTER_DISTRIBUTIONS)
      : method;
  return { id: rnd.hex(27), method, distribution, ...o };
}

function customerBase(
  rnd: SeededRandom,
  index: number,
  name: string,
  o: Pick<
    CustomerPlan,
    'appSlug' | 'channel' | 'licenseType' | 'createdAt' | 'enterprise'
  > &
    Partial<CustomerPlan>,
): CustomerPlan {
  const days = LICENSE_DAYS[o.licenseType];
  return {
    id: `cust-${rnd.hex(12)}`,
    name,
    domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`,
    customId: `CRM-${1000 + index}`,
    expiresAt: days ? o.createdAt + days * DAY : null,
    archived: false,
    features: {
      gitops: false,
      airgap: false,
      identity: true,
      snapshots: o.licenseType === 'paid',
      helmInstall: true,
      kotsInstall: false,
      kurlInstall: false,
      embeddedClusterDownload: true,
      supportBundleUpload: true,
    },
    upgradeLag: rnd.ms(10, 60) / 100,
    instances: [],
    ...o,
  };
}

/** An everyday customer: its index picks app, channel, license and entitlements. */
function everydayCustomer(
  rnd: SeededRandom,
  index: number,
  now: number,
): CustomerPlan {
  const name = DEMO_CUSTOMER_NAMES[index];
  const healthy = name === DEMO_STORY_CUSTOMERS.healthy;
  const archived = index === 38;
  const licenseType = DEMO_LICENSE_TYPES[index % DEMO_LICENSE_TYPES.length];
  const createdAt =
    now -
    (archived || healthy
      ? rnd.ms(70 * DAY, 86 * DAY)
      : rnd.ms(6 * DAY, 86 * DAY));
  const customer = customerBase(rnd, index, name, {
    appSlug: DEMO_APPS[index % 2].slug,
    channel: channelFor(index),
    licenseType,
    createdAt,
    archived,
    enterprise: index % 2 === 1,
  });
  customer.features = {
    ...customer.features,
    gitops: index % 4 === 0,
    airgap: index % 5 === 2,
    identity: index % 3 === 0,
    kotsInstall: index % 2 === 0,
    kurlInstall: index % 6 === 0,
    embeddedClusterDownload: index % 3 !== 0,
  };

  // Instances stop reporting when the customer leaves or the license ends.
  let lifeEnd = now;
  if (archived) lifeEnd = now - rnd.ms(20 * DAY, 30 * DAY);
  else if (customer.expiresAt !== null && customer.expiresAt < now)
    lifeEnd = customer.expiresAt + rnd.ms(0, 2 * DAY);
  // Some trials never got an instance running.
  let wanted = healthy ? 4 : rnd.int(1, 6);
  if (index % 9 === 7) wanted = 0;
  let firstSeen = createdAt + rnd.logMs(3 * HOUR, 14 * DAY);
  for (let n = 0; n < wanted && firstSeen < lifeEnd - 2 * DAY; n++) {
    // Staging and dev environments that were torn down since.
    const retiredAt = now - rnd.ms(2 * DAY, 30 * DAY);
    const retired =
      !healthy && n > 0 && rnd.chance(0.2) && retiredAt > firstSeen + 3 * DAY;
    customer.instances.push(
      instancePlan(rnd, customer.features, {
        n,
        airgap: customer.features.airgap && n === 0,
        firstSeen,
        end: retired ? Math.min(retiredAt, lifeEnd) : lifeEnd,
        trouble: healthy ? 'none' : rnd.pick(TROUBLE),
      }),
    );
    firstSeen += rnd.logMs(3 * HOUR, 6 * DAY);
  }
  return customer;
}

/** The customers of DEMO_STORY_CUSTOMERS other than Acme Corp, one problem each. */
function storyCustomers(
  rnd: SeededRandom,
  now: number,
  history: ReleaseHistory,
  firstIndex: number,
): CustomerPlan[] {
  const paid = (
    story: Story,
    appSlug: string,
    createdDaysAgo: number,
    extra: Partial<CustomerPlan> = {},
  ) =>
    customerBase(
      rnd,
      firstIndex + Object.keys(DEMO_STORY_CUSTOMERS).indexOf(story),
      DEMO_STORY_CUSTOMERS[story],
      {
        appSlug,
        channel: 'stable',
        licenseType: 'paid',
        createdAt: now - createdDaysAgo * DAY - rnd.ms(0, DAY),
        enterprise: false,
        story,
        ...extra,
      },
    );
  const steady = (
    customer: CustomerPlan,
    count: number,
    extra: Partial<InstancePlan> = {},
  ) => {
    let firstSeen = customer.createdAt + rnd.logMs(6 * HOUR, 4 * DAY);
    for (let n = 0; n < count; n++) {
      customer.instances.push(
        instancePlan(rnd, customer.features, {
          n,
          airgap: false,
          firstSeen,
          end: now,
          trouble: 'none',
          ...extra,
        }),
      );
      firstSeen += rnd.logMs(3 * HOUR, 3 * DAY);
    }
    return customer;
  };
  const stable = (appSlug: string) =>
    history.get(channelKey(appSlug, 'stable'))!;

  // Signed up two days ago; its one Helm install has hung since this morning.
  const stalled = paid('stalledInstall', 'nimbus', 2, { enterprise: true });
  // Its only instance went down yesterday and still reports unavailable.
  const down = steady(paid('downSinceYesterday', 'harbor-gate', 60), 1, {
    method: 'helm',
    downFrom: now - 24 * HOUR - rnd.ms(2 * HOUR, 6 * HOUR),
  });
  // A trial that runs out in ten days (and some hours) with healthy instances.
  const expiresAt = now + 10 * DAY + rnd.ms(2 * HOUR, 20 * HOUR);
  const expiring = steady(
    paid('licenseExpiring', 'nimbus', 0, {
      licenseType: 'trial',
      createdAt: expiresAt - 60 * DAY,
    }),
    2,
  );
  // Stopped upgrading three releases ago.
  const behind = steady(paid('versionsBehind', 'harbor-gate', 84), 2, {
    holdAt: stable('harbor-gate').length - 4,
  });
  // Staging took the latest release; production took it, broke, went back.
  const boomerang = steady(paid('rollback', 'nimbus', 75), 2);
  boomerang.upgradeLag = 0.1;
  boomerang.instances[0].rollsBack = true;
  return [stalled, down, expiring, behind, boomerang];
}

/** Every demo customer: the everyday ones, then the story customers. */
export function planCustomers(
  rnd: SeededRandom,
  now: number,
  history: ReleaseHistory,
): CustomerPlan[] {
  const everyday = DEMO_CUSTOMER_NAMES.map((_, i) =>
    everydayCustomer(rnd, i, now),
  );
  return [...everyday, ...storyCustomers(rnd, now, history, everyday.length)];
}
