/*
 * The install attempt and portal events of a benchmark fleet (fleet.mjs),
 * generated lazily from the fleet's seed.
 */
import { SeededRandom } from '../plugins/customer-reporting-backend-module-demo-data/src/random.ts';
import {
  DEMO_DISTRIBUTIONS,
  DEMO_FAILURE_REASONS,
} from '../plugins/customer-reporting-backend-module-demo-data/src/demoCatalog.ts';
import { DAY, HOUR, iso } from './fleet.mjs';

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
