import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  CustomerReport,
  LICENSE_TYPES,
} from '@customer-reporting/plugin-customer-reporting-common';
import { createStores } from '../database/createStores';
import { IngestService } from '../ingest/IngestService';
import { buildCustomerReport } from '../report/buildCustomerReport';
import { DEMO_STORY_CUSTOMERS } from './demoCatalog';
import { generateDemoFleet } from './demoFleet';
import { loadDemoDataIfEmpty } from './loadDemoData';

jest.setTimeout(180_000);

const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const databases = TestDatabases.create();

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

describe.each(databases.eachSupportedId())('demo fleet on %p', databaseId => {
  let reports: Map<string, CustomerReport>;
  let loads: boolean[];

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const stores = await createStores(mockServices.database({ knex }));
    const options = {
      ingest: new IngestService(stores, () => NOW),
      logger: mockServices.logger.mock(),
      clock: () => NOW,
    };
    loads = [
      await loadDemoDataIfEmpty(options),
      await loadDemoDataIfEmpty(options),
    ];
    const { items } = await stores.customers.listCustomers({
      limit: 100,
      asOf: NOW,
      activeWindowMs: DAY,
    });
    reports = new Map();
    for (const customer of items) {
      reports.set(
        customer.name,
        await buildCustomerReport(stores.report, customer.id, {
          asOf: NOW,
          includeInactive: false,
          includeArchived: false,
          activeWindowMs: DAY,
          stalledAfterMs: 3600_000,
          downloadPortalBaseUrl: 'https://download.example.com/',
        }),
      );
    }
  });

  const report = (name: string) => reports.get(name)!;

  it('loads every customer through the ingestion path once, most of them active', () => {
    expect(loads).toEqual([true, false]);
    const all = [...reports.values()];
    expect(all).toHaveLength(generateDemoFleet(NOW).customers.length);
    expect(all.filter(r => r.customer.active).length).toBeGreaterThan(25);
    expect(all.some(r => !r.customer.active)).toBe(true);
  });

  it('shows Acme Corp healthy, on the Download Portal, with a time to install', () => {
    const acme = report(DEMO_STORY_CUSTOMERS.healthy);
    expect(acme.customer).toMatchObject({
      active: true,
      archived: false,
      enterprisePortalEnabled: false,
    });
    expect(acme.portal.kind).toBe('download');
    expect(acme.instances.length).toBeGreaterThanOrEqual(3);
    for (const instance of acme.instances) {
      expect(instance.status).toBe('ready');
      expect(instance.versionsBehind).toBeLessThanOrEqual(1);
      expect(instance.uptime.ratio).toBeGreaterThan(0.99);
    }
    expect(acme.timeToInstall!.licenseSeconds).toBeLessThan(21 * 86400);
  });

  it('shows everyday customers healthy now: their trouble is history', () => {
    const stories = Object.values(DEMO_STORY_CUSTOMERS) as string[];
    const everyday = [...reports.entries()].filter(
      ([name]) => !stories.includes(name),
    );
    const statuses = new Set(
      everyday.flatMap(([, r]) => r.instances.map(i => i.status)),
    );
    expect([...statuses]).toEqual(['ready']);
  });

  it('shows the stalled install of Stallworth Logistics', () => {
    const stalled = report(DEMO_STORY_CUSTOMERS.stalledInstall);
    expect(stalled.installAttempts.map(a => a.status)).toEqual(['stalled']);
    expect(stalled.installAttempts[0].installType).toBe('helm');
    expect(stalled.instances).toHaveLength(0);
    expect(stalled.portal).toMatchObject({ kind: 'enterprise' });
    // The user opened the portal before the attempt.
    const { delivery } = stalled.portal as {
      delivery: { firstAccessAt: string | null };
    };
    expect(Date.parse(delivery.firstAccessAt!)).toBeLessThanOrEqual(
      Date.parse(stalled.installAttempts[0].startedAt),
    );
  });

  it('shows the instance of Blackout Energy down since yesterday', () => {
    const down = report(DEMO_STORY_CUSTOMERS.downSinceYesterday);
    expect(down.instances).toHaveLength(1);
    const [instance] = down.instances;
    expect(instance).toMatchObject({
      status: 'unavailable',
      active: true,
      versionsBehind: 0,
    });
    const [dayBefore, yesterday, today] = instance.uptime.days.slice(-3);
    expect(dayBefore.up).toBe(1);
    expect(yesterday.down).toBeGreaterThan(0);
    expect(today.down).toBe(1);
  });

  it('shows the license of Hourglass Foods expiring in 10 days', () => {
    const expiring = report(DEMO_STORY_CUSTOMERS.licenseExpiring);
    const days = (Date.parse(expiring.customer.expiresAt!) - NOW) / DAY;
    expect(Math.floor(days)).toBe(10);
    expect(expiring.instances.map(i => [i.status, i.versionsBehind])).toEqual([
      ['ready', 0],
      ['ready', 0],
    ]);
  });

  it('shows Yesteryear Media three versions behind, and no one else that far', () => {
    const behind = report(DEMO_STORY_CUSTOMERS.versionsBehind);
    expect(behind.instances.map(i => i.versionsBehind)).toEqual([3, 3]);
    for (const [name, r] of reports) {
      if (name === DEMO_STORY_CUSTOMERS.versionsBehind) continue;
      for (const instance of r.instances)
        expect(instance.versionsBehind).toBeLessThanOrEqual(2);
    }
  });

  it('shows Boomerang Retail production one release back after its rollback', () => {
    const boomerang = report(DEMO_STORY_CUSTOMERS.rollback);
    const byName = Object.fromEntries(
      boomerang.instances.map(i => [i.name!.split('-')[0], i]),
    );
    expect(byName.prod).toMatchObject({ versionsBehind: 1, status: 'ready' });
    expect(byName.staging).toMatchObject({ versionsBehind: 0 });
  });

  it('gives believable license times to install', () => {
    const days = [...reports.values()]
      .map(r => r.timeToInstall?.licenseSeconds)
      .filter((s): s is number => s !== undefined)
      .map(s => s / 86400)
      .sort((a, b) => a - b);
    expect(days.length).toBeGreaterThan(25);
    expect(days[Math.floor(days.length / 2)]).toBeLessThan(10);
    expect(days[days.length - 1]).toBeLessThan(40);
  });
});
