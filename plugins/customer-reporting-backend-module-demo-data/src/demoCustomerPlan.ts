import { CustomerFeatures } from '@customer-reporting/plugin-customer-reporting-common';
import { DEMO_STORY_CUSTOMERS } from './demoCatalog';
import { EXISTING_CLUSTER_DISTRIBUTIONS, InstallMethod } from './demoPlatforms';
import { SeededRandom } from './random';
import { DAY } from './time';

/** What the generator decides about a customer before writing its data. */
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
  /** Chance that it lets a release pass and waits for the next. */
  skipChance: number;
  instances: InstancePlan[];
  story?: Story;
}

/** How long licenses of each type run; the others do not expire. */
const LICENSE_DAYS: Partial<Record<string, number>> = { trial: 60, paid: 365 };
/** Paid licenses renew this long before they run out. */
const RENEWED_BEFORE_DAYS = 45;

/**
 * When a license runs out: trials after their term; paid licenses renew
 * every year a while before the term ends, so an old customer's license
 * runs to its next anniversary, not a year after sign-up.
 */
function licenseExpiry(licenseType: string, createdAt: number, now: number) {
  const days = LICENSE_DAYS[licenseType];
  if (!days) return null;
  let expiresAt = createdAt + days * DAY;
  while (licenseType === 'paid' && expiresAt - RENEWED_BEFORE_DAYS * DAY < now)
    expiresAt += days * DAY;
  return expiresAt;
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

export function instancePlan(
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

export function customerBase(
  rnd: SeededRandom,
  index: number,
  name: string,
  now: number,
  o: Pick<
    CustomerPlan,
    'appSlug' | 'channel' | 'licenseType' | 'createdAt' | 'enterprise'
  > &
    Partial<CustomerPlan>,
): CustomerPlan {
  return {
    id: `cust-${rnd.hex(12)}`,
    name,
    domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`,
    customId: `CRM-${1000 + index}`,
    expiresAt: licenseExpiry(o.licenseType, o.createdAt, now),
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
    // Story customers upgrade promptly and like clockwork, so that each
    // shows its one thing.
    upgradeLag: o.story ? 0.15 : rnd.ms(10, 60) / 100,
    skipChance: o.story ? 0 : 0.2,
    instances: [],
    ...o,
  };
}
