import {
  DEMO_APPS,
  DEMO_CUSTOMER_NAMES,
  DEMO_LICENSE_TYPES,
  DEMO_STORY_CUSTOMERS,
} from './demoCatalog';
import { CustomerPlan, customerBase, instancePlan } from './demoCustomerPlan';
import { channelKey, ReleaseHistory } from './demoReleases';
import { storyCustomers } from './demoStoryCustomers';
import { SeededRandom } from './random';
import { DAY, HOUR } from './time';

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

/**
 * How long ago a customer signed up, spread over the two years of Stable
 * history: paid customers are mostly long-standing, trials either young or
 * over, the other licenses anything in between. Never before its channel
 * opened (the first release on it) and a week after at the earliest,
 * but for its founder.
 */
function signUpAge(
  rnd: SeededRandom,
  licenseType: string,
  o: { now: number; channelOpened: number; old: boolean; founder: boolean },
): number {
  const sinceOpened = o.now - o.channelOpened;
  let age: number;
  // The first customer of a channel came as it opened: its releases were
  // installed from the first one on.
  if (o.founder) return sinceOpened - rnd.ms(2 * DAY, 6 * DAY);
  if (o.old) age = rnd.ms(400 * DAY, 700 * DAY);
  else if (licenseType === 'paid') age = rnd.ms(45 * DAY, 720 * DAY);
  // Everyday trials are either young or over, so the story's license
  // that runs out in ten days is the one that expires soon.
  else if (licenseType === 'trial')
    age = rnd.chance(0.5)
      ? rnd.ms(6 * DAY, 28 * DAY)
      : rnd.ms(62 * DAY, 240 * DAY);
  else age = rnd.logMs(10 * DAY, 600 * DAY);
  return Math.min(age, sinceOpened - 7 * DAY);
}

/** An everyday customer: its index picks app, channel, license and entitlements. */
function everydayCustomer(
  rnd: SeededRandom,
  index: number,
  now: number,
  history: ReleaseHistory,
): CustomerPlan {
  const name = DEMO_CUSTOMER_NAMES[index];
  const healthy = name === DEMO_STORY_CUSTOMERS.healthy;
  const archived = index === 38;
  const licenseType = DEMO_LICENSE_TYPES[index % DEMO_LICENSE_TYPES.length];
  const appSlug = DEMO_APPS[index % 2].slug;
  const channel = channelFor(index);
  const founder = DEMO_CUSTOMER_NAMES.slice(0, index).every(
    (_, i) => DEMO_APPS[i % 2].slug !== appSlug || channelFor(i) !== channel,
  );
  // The healthy reference customer and the one that left are old hands.
  const createdAt =
    now -
    signUpAge(rnd, licenseType, {
      now,
      channelOpened: history.get(channelKey(appSlug, channel))![0].promotedAt,
      old: archived || healthy,
      founder,
    });
  const customer = customerBase(rnd, index, name, now, {
    appSlug,
    channel,
    licenseType,
    createdAt,
    archived,
    enterprise: index % 2 === 1,
  });
  if (healthy) {
    customer.upgradeLag = 0.2;
    customer.skipChance = 0;
  }
  customer.features = {
    ...customer.features,
    gitops: index % 4 === 0,
    // Paid and development licenses; none of them runs out.
    airgap: index % 5 === 4,
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
  // A few customers (a trial, a community and a dev license) never got an
  // instance running; a channel's founder did.
  let wanted = healthy ? 4 : rnd.int(1, 6);
  if (index % 9 === 7 && !founder) wanted = 0;
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

/** Every demo customer: the everyday ones, then the story customers. */
export function planCustomers(
  rnd: SeededRandom,
  now: number,
  history: ReleaseHistory,
): CustomerPlan[] {
  const everyday = DEMO_CUSTOMER_NAMES.map((_, i) =>
    everydayCustomer(rnd, i, now, history),
  );
  return [...everyday, ...storyCustomers(rnd, now, history, everyday.length)];
}
