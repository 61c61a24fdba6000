import { INSTALL_STEPS } from '@customer-reporting/plugin-customer-reporting-common';
import { DEMO_FAILURE_REASONS } from './demoCatalog';
import { CustomerPlan, InstancePlan } from './demoCustomerPlan';
import {
  EXISTING_CLUSTER_DISTRIBUTIONS,
  LINUX_OS_NAMES,
  LINUX_OS_RELEASES,
} from './demoPlatforms';
import { DemoRelease, latestReleaseAt } from './demoReleases';
import { SeededRandom } from './random';
import { DAY, HOUR, iso, MINUTE } from './time';

export interface PortalUser {
  email: string;
  invitedAt: number;
  joinedAt: number | null;
}

/** What attempts did in the Enterprise Portal: who opened it when, what was pulled. */
export interface PortalTouches {
  accesses: { email: string; at: number }[];
  pulls: { at: number; version: string }[];
}

/** Registry reachability of online attempts: mostly full. */
const ONLINE_REGISTRIES = [
  'online',
  'online',
  'online',
  'online',
  'online',
  'partial',
] as const;

type Outcome = 'succeeded' | 'failed' | 'stalled' | 'discarded' | 'in-progress';

interface AttemptSpec {
  installType: 'helm' | 'linux';
  environment: Record<string, string>;
  airgap: boolean;
  version: string;
  user: string;
  startedAt: number;
  outcome: Outcome;
  /** Completion time of a successful attempt and the instance it made. */
  completedAt?: number;
  instanceId?: string;
  /** Steps reached by an attempt that did not succeed. */
  reached?: number;
}

function environmentFor(
  rnd: SeededRandom,
  installType: 'helm' | 'linux',
  distribution?: string,
): Record<string, string> {
  if (installType === 'helm')
    return {
      k8sDistribution: distribution ?? rnd.pick(EXISTING_CLUSTER_DISTRIBUTIONS),
    };
  const os = rnd.pick(LINUX_OS_NAMES);
  return { os, osVersion: rnd.pick(LINUX_OS_RELEASES[os]) };
}

/** The events of one attempt; notes its portal visit and pulls in `touches`. */
function attemptEvents(
  rnd: SeededRandom,
  customerId: string,
  spec: AttemptSpec,
  now: number,
  touches: PortalTouches,
): Record<string, unknown>[] {
  const attemptId = `att-${rnd.hex(16)}`;
  const base = { attemptId, customerId };
  const steps = INSTALL_STEPS[spec.installType].slice(1, -1);
  touches.accesses.push({
    email: spec.user,
    at: spec.startedAt - rnd.ms(MINUTE, 20 * MINUTE),
  });
  const events: Record<string, unknown>[] = [
    {
      ...base,
      type: 'started',
      at: iso(spec.startedAt),
      userEmail: spec.user,
      installType: spec.installType,
      appVersion: spec.version,
      environment: spec.environment,
      networkMode: spec.airgap
        ? 'airgap'
        : rnd.pick(['online', 'online', 'online', 'proxy']),
      registry: spec.airgap ? 'offline' : rnd.pick(ONLINE_REGISTRIES),
    },
  ];
  const succeeded = spec.outcome === 'succeeded';
  const reached = succeeded ? steps.length : spec.reached ?? 0;
  let at = spec.startedAt;
  for (let s = 0; s < reached; s++) {
    at = succeeded
      ? spec.startedAt +
        ((spec.completedAt! - spec.startedAt) * (s + 1 + rnd.next() * 0.5)) /
          (steps.length + 1.5)
      : at + rnd.logMs(2 * MINUTE, 15 * MINUTE);
    if (at > now) break;
    events.push({ ...base, type: 'step', step: steps[s], at: iso(at) });
    if (steps[s] === 'images-pulled' || steps[s] === 'assets-downloaded')
      touches.pulls.push({ at, version: spec.version });
  }
  if (succeeded)
    events.push({
      ...base,
      type: 'completed',
      at: iso(spec.completedAt!),
      instanceId: spec.instanceId,
    });
  if (spec.outcome === 'failed') {
    const failedStep = steps[reached] ?? 'started';
    events.push({
      ...base,
      type: 'failed',
      step: failedStep === 'started' ? undefined : failedStep,
      reason: rnd.pick(
        DEMO_FAILURE_REASONS[failedStep as keyof typeof DEMO_FAILURE_REASONS],
      ),
      at: iso(at + rnd.ms(MINUTE, 20 * MINUTE)),
    });
  }
  if (spec.outcome === 'discarded')
    events.push({
      ...base,
      type: 'discarded',
      at: iso(Math.min(now, at + rnd.logMs(10 * MINUTE, DAY))),
    });
  return events;
}

/**
 * Install attempts of an Enterprise Portal customer, each started by a
 * portal user who has joined: a successful one shortly before each instance
 * installed with Helm, Embedded Cluster or kURL was first seen (sometimes
 * after a failed try), and a few tries that failed, were discarded or were
 * left hanging. Air gap attempts only with the air gap entitlement. With
 * `inProgress`, one more started minutes before `now`. The stalled install
 * story customer has exactly one attempt, hung for hours.
 */
export function installAttempts(
  rnd: SeededRandom,
  o: {
    customer: CustomerPlan;
    releases: DemoRelease[];
    users: PortalUser[];
    instances: { plan: InstancePlan; installIndex: number }[];
    now: number;
    inProgress: boolean;
  },
): { events: Record<string, unknown>[]; touches: PortalTouches } {
  const { customer, releases, now } = o;
  const touches: PortalTouches = { accesses: [], pulls: [] };
  const events: Record<string, unknown>[] = [];
  const add = (spec: AttemptSpec) =>
    events.push(...attemptEvents(rnd, customer.id, spec, now, touches));
  const joined = o.users.filter(u => u.joinedAt !== null);
  // Joined by then, with time for the visit before the attempt.
  const userAt = (at: number) =>
    joined.filter(u => u.joinedAt! + 30 * MINUTE <= at).map(u => u.email);
  const versionAt = (at: number) =>
    releases[Math.max(0, latestReleaseAt(releases, at))].versionLabel;
  const { features } = customer;
  const linux =
    features.embeddedClusterDownload || features.kurlInstall
      ? (['linux'] as const)
      : [];
  const types = [
    ...(features.helmInstall ? (['helm'] as const) : []),
    ...linux,
  ];

  if (customer.story === 'stalledInstall') {
    const startedAt = now - rnd.ms(5 * HOUR, 7 * HOUR);
    add({
      installType: 'helm',
      environment: environmentFor(rnd, 'helm'),
      airgap: false,
      version: versionAt(startedAt),
      user: joined[0].email,
      startedAt,
      outcome: 'stalled',
      reached: 1,
    });
    return { events, touches };
  }

  for (const { plan, installIndex } of o.instances) {
    if (plan.method === 'kots') continue; // KOTS installs are not tracked
    const installType = plan.method === 'helm' ? 'helm' : 'linux';
    const completedAt = plan.firstSeen - rnd.ms(20_000, 6 * MINUTE);
    const startedAt =
      completedAt -
      (installType === 'helm'
        ? rnd.logMs(4 * MINUTE, 30 * MINUTE)
        : rnd.logMs(8 * MINUTE, 45 * MINUTE));
    const users = userAt(startedAt);
    if (users.length === 0) continue;
    const spec = {
      installType,
      environment: environmentFor(rnd, installType, plan.distribution),
      airgap: plan.airgap,
      version: releases[installIndex].versionLabel,
      user: rnd.pick(users),
    } as const;
    const retryAt = startedAt - rnd.logMs(HOUR, 3 * DAY);
    if (rnd.chance(0.35) && userAt(retryAt).includes(spec.user))
      add({
        ...spec,
        version: versionAt(retryAt),
        startedAt: retryAt,
        outcome: 'failed',
        reached: rnd.int(0, 1),
      });
    add({
      ...spec,
      startedAt,
      outcome: 'succeeded',
      completedAt,
      instanceId: plan.id,
    });
  }

  // Tries in the first month that led nowhere.
  const tries = rnd.int(0, 2);
  for (let k = 0; k < tries && types.length > 0; k++) {
    const startedAt = rnd.ms(
      customer.createdAt + 3 * HOUR,
      Math.min(now - 3 * HOUR, customer.createdAt + 30 * DAY),
    );
    const users = userAt(startedAt);
    if (users.length === 0) continue;
    const installType = rnd.pick(types);
    add({
      installType,
      environment: environmentFor(rnd, installType),
      airgap: features.airgap && rnd.chance(0.35),
      version: versionAt(startedAt),
      user: rnd.pick(users),
      startedAt,
      outcome: rnd.pick(['failed', 'failed', 'discarded', 'stalled'] as const),
      reached: rnd.int(0, 1),
    });
  }

  if (o.inProgress && types.length > 0) {
    const startedAt = now - rnd.ms(8 * MINUTE, 40 * MINUTE);
    const installType = rnd.pick(types);
    add({
      installType,
      environment: environmentFor(rnd, installType),
      airgap: false,
      version: versionAt(startedAt),
      user: rnd.pick(userAt(startedAt)),
      startedAt,
      outcome: 'in-progress',
      reached: 1,
    });
  }
  return { events, touches };
}
