import { DEMO_CHANNELS, DEMO_CUSTOMER_NAMES } from './demoCatalog';
import { CustomerPlan } from './demoCustomerPlan';
import { planCustomers } from './demoCustomers';
import { installAttempts } from './demoInstallAttempts';
import { instanceCheckIns } from './demoInstances';
import {
  downloadPortalEvents,
  enterprisePortalEvents,
  portalUsers,
} from './demoPortal';
import { channelKey, planReleases } from './demoReleases';
import { versionTimeline } from './demoUpgrades';
import { SeededRandom } from './random';
import { DAY, HOUR, iso } from './time';

/** Request bodies for the ingest routes, as an HTTP client would send them. */
export interface DemoFleet {
  apps: { slug: string; body: unknown }[];
  customers: { id: string; body: unknown }[];
  /** Per instance, in time order. */
  checkIns: Record<string, unknown>[];
  attemptEvents: Record<string, unknown>[];
  portalEvents: Record<string, unknown>[];
}

/** The one customer with an install under way at load time. */
const IN_PROGRESS_CUSTOMER = DEMO_CUSTOMER_NAMES[1];

function customerBody(c: CustomerPlan, rnd: SeededRandom) {
  return {
    name: c.name,
    appSlug: c.appSlug,
    channelSlug: c.channel,
    email: `admin@${c.domain}`,
    customId: c.customId,
    licenseType: c.licenseType,
    licenseId: `lic_${rnd.hex(24)}`,
    createdAt: iso(c.createdAt),
    expiresAt: c.expiresAt === null ? null : iso(c.expiresAt),
    archived: c.archived,
    features: c.features,
    enterprisePortalEnabled: c.enterprise,
    customFields: [{ name: 'region', value: rnd.pick(['NA', 'EMEA', 'APAC']) }],
  };
}

/**
 * Until when a customer uses the portal: its license's end, the last
 * report of a customer that left, otherwise `now`.
 */
function activeUntil(c: CustomerPlan, now: number): number {
  if (c.archived)
    return Math.max(c.createdAt, ...c.instances.map(plan => plan.end));
  return Math.min(now, c.expiresAt ?? now);
}

/**
 * Generates the demo fleet relative to `now`: 2 apps with 3 channels of
 * release history each, 45 customers of every license type (among them
 * the story customers of DEMO_STORY_CUSTOMERS) signed up over two years,
 * their instances' check-ins (every 4 hours over the last three weeks and
 * around outages, daily before), install attempts and portal activity.
 * The same seed and `now` give the same fleet.
 */
export function generateDemoFleet(now: number, seed = 20261127): DemoFleet {
  const rnd = new SeededRandom(seed);
  const { apps, history } = planReleases(rnd, now);
  const fleet: DemoFleet = {
    apps,
    customers: [],
    checkIns: [],
    attemptEvents: [],
    portalEvents: [],
  };

  for (const customer of planCustomers(rnd, now, history)) {
    fleet.customers.push({
      id: customer.id,
      body: customerBody(customer, rnd),
    });
    const releases = history.get(
      channelKey(customer.appSlug, customer.channel),
    )!;
    const cadenceMs =
      DEMO_CHANNELS.find(c => c.slug === customer.channel)!.everyDays * DAY;
    const installed: {
      plan: (typeof customer.instances)[0];
      installIndex: number;
    }[] = [];
    const downloads: { at: number; version: string; promotedAt: number }[] = [];
    for (const plan of customer.instances) {
      const versions = versionTimeline(rnd, {
        releases,
        cadenceMs,
        firstSeen: plan.firstSeen,
        end: plan.end,
        lag: customer.upgradeLag,
        // Production upgrades a day or so after the other environments.
        offsetMs:
          plan.n === 0 ? rnd.ms(12 * HOUR, 36 * HOUR) : rnd.ms(0, 12 * HOUR),
        skipChance: customer.skipChance,
        holdAt: plan.holdAt,
        rollsBack: plan.rollsBack,
      });
      fleet.checkIns.push(
        ...instanceCheckIns(rnd, customer, plan, releases, versions),
      );
      installed.push({ plan, installIndex: versions[0].index });
      if (
        plan.airgap ||
        plan.method === 'embedded-cluster' ||
        plan.method === 'kurl'
      )
        for (const step of versions.filter(s => !s.rollback))
          downloads.push({
            at: step.at,
            version: releases[step.index].versionLabel,
            promotedAt: releases[step.index].promotedAt,
          });
    }

    if (!customer.enterprise) {
      fleet.portalEvents.push(
        ...downloadPortalEvents(rnd, customer, downloads),
      );
      continue;
    }
    const until = activeUntil(customer, now);
    const users = portalUsers(rnd, customer, until);
    const attempts = installAttempts(rnd, {
      customer,
      releases,
      users,
      instances: installed,
      now,
      inProgress: customer.name === IN_PROGRESS_CUSTOMER,
    });
    fleet.attemptEvents.push(...attempts.events);
    fleet.portalEvents.push(
      ...enterprisePortalEvents(rnd, {
        customer,
        users,
        touches: attempts.touches,
        firstInstanceAt: customer.instances[0]?.firstSeen ?? null,
        until,
      }),
    );
  }
  return fleet;
}
