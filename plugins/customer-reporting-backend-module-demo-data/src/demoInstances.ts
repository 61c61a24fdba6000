import { CustomerPlan, InstancePlan } from './demoCustomerPlan';
import {
  cloudsFor,
  clusterTypeOf,
  K8S_VERSIONS,
  k8sVersionString,
  KOTS_VERSIONS,
  SDK_VERSIONS,
} from './demoPlatforms';
import { DemoRelease } from './demoReleases';
import { demoResources } from './demoResources';
import { VersionStep } from './demoUpgrades';
import { SeededRandom } from './random';
import { DAY, HOUR, iso, MINUTE } from './time';

const ENVIRONMENTS = ['prod', 'staging', 'dev', 'qa', 'dr'];

/** Each release bumped the SDK, up to the newest SDK on the latest release. */
function sdkVersionOf(releaseIndex: number, releaseCount: number) {
  const behind = releaseCount - 1 - releaseIndex;
  return SDK_VERSIONS[Math.max(0, SDK_VERSIONS.length - 1 - behind)];
}

/**
 * Spans in which an instance's app degrades or goes down. They are over a
 * day before its last check-in: what is wrong now is the story customers'.
 */
function troubleWindows(rnd: SeededRandom, plan: InstancePlan) {
  const count = { none: 0, blip: 1, flaky: rnd.int(2, 4) }[plan.trouble];
  return Array.from({ length: count }, () => {
    const length =
      plan.trouble === 'blip'
        ? rnd.ms(HOUR, 5 * HOUR)
        : rnd.ms(4 * HOUR, 20 * HOUR);
    const earliest = plan.firstSeen + DAY;
    const latest = plan.end - DAY - length;
    const start = rnd.ms(earliest, Math.max(earliest, latest));
    const status = rnd.chance(0.5) ? 'unavailable' : 'degraded';
    // An instance too young for trouble that is over has none.
    return { start, end: latest >= earliest ? start + length : start, status };
  });
}

/** The last weeks of an instance's life (the 14-day uptime row and more), reported every four hours. */
const DETAILED_DAYS = 21;
/** Four-hourly reports this long before and after a trouble window, so its length shows. */
const TROUBLE_MARGIN = 4 * HOUR;

/**
 * Check-in times: first seen (missing), the pods starting (unavailable),
 * ready, then every four hours with a few minutes of drift over the last
 * DETAILED_DAYS of its life and around its trouble `windows` (air gap
 * instances every few days, when a support bundle is uploaded). Otherwise
 * one a day, under 24 h apart so the instance stays active and observed: a
 * long-lived instance keeps its whole history without years of four-hourly
 * reports (load time and size).
 */
function checkInTimes(
  rnd: SeededRandom,
  plan: InstancePlan,
  windows: { start: number; end: number }[],
): number[] {
  const starting = plan.firstSeen + rnd.ms(2 * MINUTE, 8 * MINUTE);
  const ready = starting + rnd.logMs(10 * MINUTE, 150 * MINUTE);
  const times = [plan.firstSeen, starting, ready];
  const detailedFrom = plan.end - DETAILED_DAYS * DAY;
  const detailed = (t: number) =>
    t >= detailedFrom ||
    windows.some(
      w =>
        t >= w.start - TROUBLE_MARGIN - 2 * HOUR && t < w.end + TROUBLE_MARGIN,
    );
  for (let t = ready; ; ) {
    if (plan.airgap) t += rnd.ms(3 * DAY, 7 * DAY);
    else if (detailed(t)) t += 4 * HOUR + rnd.ms(-3 * MINUTE, 3 * MINUTE);
    else {
      // A day on, or shortly before the next trouble window if sooner.
      const next = t + rnd.ms(21 * HOUR, 23 * HOUR);
      const before = windows
        .map(w => w.start - TROUBLE_MARGIN - rnd.ms(0, 2 * HOUR))
        .filter(at => at > t && at < next);
      t = Math.min(next, ...before);
    }
    if (t > plan.end) return times;
    times.push(t);
  }
}

/** The customer's instance's check-ins in time order, as the ingest route takes them. */
export function instanceCheckIns(
  rnd: SeededRandom,
  customer: CustomerPlan,
  plan: InstancePlan,
  releases: DemoRelease[],
  versions: VersionStep[],
): Record<string, unknown>[] {
  const windows = troubleWindows(rnd, plan);
  const times = checkInTimes(rnd, plan, windows);
  const clusterType = clusterTypeOf(plan.distribution);
  const kots = plan.method !== 'helm';
  const cloud = rnd.pick(cloudsFor(plan.distribution));
  const region = rnd.pick(cloud.regions);
  // Replicated reports node counts (kurlNodeCount*) for kURL and Embedded
  // Cluster alike; the cluster type, not the field name, says which it is.
  const nodes = clusterType === 'existing' ? 0 : rnd.pick([1, 1, 3, 3, 5]);
  const newer = (length: number) =>
    Math.max(rnd.int(0, length - 1), rnd.int(0, length - 1));
  let k8s = newer(K8S_VERSIONS.length);
  // A third of the clusters move up one Kubernetes release on the way.
  let k8sUpgradeAt = rnd.chance(0.3)
    ? rnd.ms(plan.firstSeen, plan.end)
    : Infinity;
  let kotsIndex = newer(KOTS_VERSIONS.length);
  const tags = {
    name: `${ENVIRONMENTS[plan.n % ENVIRONMENTS.length]}-${rnd.hex(3)}`,
    team: rnd.pick(['platform', 'data', 'infra']),
  };
  // Resources go with the check-ins where they change (the instance keeps
  // the last list it reported): with them in every one of the ~59,000
  // check-ins, they were half the fleet's bytes and slowed the load by a
  // third, while the instance page and its events show the same.
  let lastResources: string | undefined;
  const resourcesIfChanged = (resources: unknown[]) => {
    const encoded = JSON.stringify(resources);
    if (encoded === lastResources) return {};
    lastResources = encoded;
    return { resourceStates: resources };
  };
  let users = rnd.int(5, 400);
  let step = 0;
  let updatedAt = -Infinity;

  return times.map((at, i) => {
    // An upgrade (or the rollback) shows as one check-in "updating".
    while (step + 1 < versions.length && versions[step + 1].at <= at) {
      step++;
      updatedAt = at;
      if (kots && rnd.chance(0.35))
        kotsIndex = Math.min(kotsIndex + 1, KOTS_VERSIONS.length - 1);
    }
    if (at >= k8sUpgradeAt) {
      k8s = Math.min(k8s + 1, K8S_VERSIONS.length - 1);
      k8sUpgradeAt = Infinity;
    }
    const version = versions[step];
    const release = releases[version.index];
    // The release the rollback undoes degrades production.
    const broken = plan.rollsBack && version.index === releases.length - 1;
    let status = 'ready';
    if (i === 0) status = 'missing';
    else if (i === 1) status = 'unavailable';
    else if (plan.downFrom !== undefined && at >= plan.downFrom)
      status = 'unavailable';
    // Only a four-hourly report catches an upgrade under way; daily and
    // air gap ones come long after it finished.
    else if (
      updatedAt === at &&
      at - times[i - 1] < 5 * HOUR &&
      (times[i + 1] ?? at) - at < 5 * HOUR
    )
      status = 'updating';
    else if (broken) status = 'degraded';
    else
      status = windows.find(w => at >= w.start && at < w.end)?.status ?? status;
    if (rnd.chance(0.02)) users = Math.max(1, users + rnd.int(-20, 40));
    return {
      instanceId: plan.id,
      customerId: customer.id,
      at: iso(at),
      clusterId: `cluster-${plan.id.slice(0, 8)}`,
      airgap: plan.airgap,
      appStatus: status,
      ...resourcesIfChanged(
        demoResources(customer.appSlug, plan, status, i === 1),
      ),
      appVersion: release.versionLabel,
      channelSlug: customer.channel,
      releaseSequence: release.sequence,
      k8sVersion: k8sVersionString(plan.distribution, K8S_VERSIONS[k8s]),
      k8sDistribution: plan.distribution,
      clusterType,
      ...(nodes > 0
        ? {
            kurlNodesTotal: nodes,
            kurlNodesReady: status === 'unavailable' ? nodes - 1 : nodes,
          }
        : {}),
      ...(kots ? { kotsVersion: KOTS_VERSIONS[kotsIndex] } : {}),
      sdkVersion: sdkVersionOf(version.index, releases.length),
      cloudProvider: cloud.provider,
      cloudRegion: region,
      tags,
      customMetrics: { activeUsers: users, dataSources: 3 + (plan.n % 4) },
    };
  });
}
