import {
  APP_STATUSES,
  LICENSE_TYPES,
} from '@customer-reporting/plugin-customer-reporting-common';
import { generateDemoFleet } from './demoFleet';

const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('demo fleet', () => {
  it('is the same for the same seed', () => {
    expect(generateDemoFleet(NOW)).toEqual(generateDemoFleet(NOW));
    expect(generateDemoFleet(NOW, 1)).not.toEqual(generateDemoFleet(NOW));
  });

  it('is relative to the load time, to the millisecond', () => {
    const later = NOW + 7 * 3600_000 + 123;
    const relative = (now: number) => {
      const { checkIns, attemptEvents, portalEvents } = generateDemoFleet(now);
      return [...checkIns, ...attemptEvents, ...portalEvents].map(e => ({
        ...e,
        at: Date.parse(e.at as string) - now,
      }));
    };
    expect(relative(later)).toEqual(relative(NOW));
  });

  it('reports resources whose rollup is the app status, one Deployment in trouble when degraded', () => {
    type Resource = { kind: string; name: string; state: string };
    const fleet = generateDemoFleet(NOW);
    const rank = (state: string) =>
      APP_STATUSES.indexOf(state as (typeof APP_STATUSES)[number]);
    // Each instance reports its resources when they change; a check-in
    // without them keeps the last list.
    const latest = new Map<unknown, Resource[]>();
    const disagreeing: string[] = [];
    const degradedTrouble = new Set<string>();
    for (const c of fleet.checkIns) {
      if (c.resourceStates)
        latest.set(c.instanceId, c.resourceStates as Resource[]);
      const resources = latest.get(c.instanceId)!;
      const rollup = resources.reduce(
        (least, r) => (rank(r.state) < rank(least) ? r.state : least),
        resources.length === 0 ? 'missing' : 'ready',
      );
      if (rollup !== c.appStatus)
        disagreeing.push(`${c.instanceId} ${c.at} ${rollup}`);
      if (c.appStatus === 'degraded') {
        const trouble = resources.filter(r => r.state !== 'ready');
        degradedTrouble.add(trouble.map(r => r.kind).join());
      }
    }
    expect(disagreeing).toEqual([]);
    expect([...degradedTrouble]).toEqual(['Deployment']);
    const kinds = new Set(
      fleet.checkIns.flatMap(c =>
        ((c.resourceStates ?? []) as Resource[]).map(r => r.kind),
      ),
    );
    expect([...kinds].sort()).toEqual([
      'Deployment',
      'PersistentVolumeClaim',
      'Service',
      'StatefulSet',
    ]);
  });

  it('has the variety the pages need', () => {
    const fleet = generateDemoFleet(NOW);
    const customers = fleet.customers.map(
      c => c.body as { licenseType: string; enterprisePortalEnabled: boolean },
    );
    expect(fleet.apps).toHaveLength(2);
    expect(customers.length).toBeGreaterThanOrEqual(45);
    expect(new Set(customers.map(c => c.licenseType))).toEqual(
      new Set(LICENSE_TYPES),
    );
    expect(customers.some(c => c.enterprisePortalEnabled)).toBe(true);
    const instances = new Set(fleet.checkIns.map(c => c.instanceId));
    expect(instances.size).toBeGreaterThanOrEqual(120);
    const statuses = new Set(fleet.checkIns.map(c => c.appStatus));
    expect([...statuses].sort()).toEqual([
      'degraded',
      'missing',
      'ready',
      'unavailable',
      'updating',
    ]);
    expect(fleet.checkIns.some(c => c.airgap)).toBe(true);
    // The end-to-end test filters the audit to failed and stalled Helm attempts.
    const helm = new Set(
      fleet.attemptEvents
        .filter(e => e.type === 'started' && e.installType === 'helm')
        .map(e => e.attemptId),
    );
    expect(
      fleet.attemptEvents.filter(
        e => e.type === 'failed' && helm.has(e.attemptId),
      ).length,
    ).toBeGreaterThan(3);
    const types = new Set(fleet.attemptEvents.map(e => e.type));
    expect([...types].sort()).toEqual([
      'completed',
      'discarded',
      'failed',
      'started',
      'step',
    ]);
  });
});
