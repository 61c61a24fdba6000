import { DEMO_STORY_CUSTOMERS } from './demoCatalog';
import {
  CustomerPlan,
  customerBase,
  InstancePlan,
  instancePlan,
  Story,
} from './demoCustomerPlan';
import { channelKey, ReleaseHistory } from './demoReleases';
import { SeededRandom } from './random';
import { DAY, HOUR } from './time';

/** The customers of DEMO_STORY_CUSTOMERS other than Acme Corp, one problem each. */
export function storyCustomers(
  rnd: SeededRandom,
  now: number,
  history: ReleaseHistory,
  firstIndex: number,
): CustomerPlan[] {
  /** A paid Stable customer unless `extra` says otherwise. */
  const storyCustomer = (
    story: Story,
    appSlug: string,
    createdDaysAgo: number,
    extra: Partial<CustomerPlan> = {},
  ) =>
    customerBase(
      rnd,
      firstIndex + Object.keys(DEMO_STORY_CUSTOMERS).indexOf(story),
      DEMO_STORY_CUSTOMERS[story],
      now,
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

  // Signed up two days ago; its one Helm install has hung for hours.
  const stalled = storyCustomer('stalledInstall', 'nimbus', 2, {
    enterprise: true,
  });
  // Its only instance went down yesterday and still reports unavailable.
  const down = steady(
    storyCustomer('downSinceYesterday', 'harbor-gate', 420),
    1,
    {
      method: 'helm',
      downFrom: now - 24 * HOUR - rnd.ms(2 * HOUR, 6 * HOUR),
    },
  );
  // A trial that runs out in ten days (and some hours) with healthy instances.
  const expiresAt = now + 10 * DAY + rnd.ms(2 * HOUR, 20 * HOUR);
  const expiring = steady(
    storyCustomer('licenseExpiring', 'nimbus', 0, {
      licenseType: 'trial',
      createdAt: expiresAt - 60 * DAY,
    }),
    2,
  );
  // Stopped upgrading three releases ago.
  const behind = steady(
    storyCustomer('versionsBehind', 'harbor-gate', 540),
    2,
    {
      holdAt: stable('harbor-gate').length - 4,
    },
  );
  // Staging took the latest release; production took it, broke, went back.
  const boomerang = steady(storyCustomer('rollback', 'nimbus', 300), 2);
  boomerang.instances[0].rollsBack = true;
  return [stalled, down, expiring, behind, boomerang];
}
