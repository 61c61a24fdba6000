import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import {
  CustomerReportingIngest,
  customerReportingDataSourcesExtensionPoint,
} from '@customer-reporting/plugin-customer-reporting-node';
// The module runs in the real backend plugin, read over its HTTP API.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import customerReportingPlugin from '@customer-reporting/plugin-customer-reporting-backend';
import { DEMO_STORY_CUSTOMERS } from './demoCatalog';
import { generateDemoFleet } from './demoFleet';
import { loadDemoDataIfEmpty } from './loadDemoData';
import { customerReportingModuleDemoData } from './module';

jest.setTimeout(180_000);

// PostgreSQL too when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const API = '/api/customer-reporting';

/** The backend's ingestion path, as a data source gets it (for a second load). */
function ingestOfPlugin() {
  const captured: { ingest?: CustomerReportingIngest } = {};
  const feature = createBackendModule({
    pluginId: 'customer-reporting',
    moduleId: 'test-ingest',
    register(env) {
      env.registerInit({
        deps: { sources: customerReportingDataSourcesExtensionPoint },
        async init({ sources }) {
          sources.addDataSource({
            id: 'test-ingest',
            schedule: { frequency: { hours: 24 }, timeout: { minutes: 1 } },
            sync: async ({ ingest }) => {
              captured.ingest = ingest;
            },
          });
        },
      });
    },
  });
  return { feature, captured };
}

describe.each(databases.eachSupportedId())(
  'the demo data module in the backend (%s)',
  databaseId => {
    let reports: Map<string, CustomerReport>;
    const { feature, captured } = ingestOfPlugin();

    beforeAll(async () => {
      // The whole backend runs at NOW, so the fleet is generated at NOW.
      jest.spyOn(Date, 'now').mockReturnValue(NOW);
      const { server } = await startTestBackend({
        features: [
          customerReportingPlugin,
          customerReportingModuleDemoData,
          feature,
          mockServices.rootConfig.factory({
            data: { customerReporting: { demo: { enabled: true } } },
          }),
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
        ],
      });
      const get = (path: string) =>
        request(server)
          .get(`${API}${path}`)
          .set('Authorization', mockCredentials.user.header())
          .expect(200)
          .then(res => res.body);
      const asOf = encodeURIComponent(new Date(NOW).toISOString());
      const { items } = await get(`/v1/customers?limit=100&asOf=${asOf}`);
      reports = new Map();
      for (const customer of items) {
        reports.set(
          customer.name,
          await get(`/v1/customers/${customer.id}/report?asOf=${asOf}`),
        );
      }
    });

    afterAll(() => jest.restoreAllMocks());

    const report = (name: string) => reports.get(name)!;

    it('loads every customer through the ingestion path once, most of them active', async () => {
      // The module loaded the fleet at start-up; a later run finds customers.
      expect(
        await loadDemoDataIfEmpty({
          ingest: captured.ingest!,
          logger: mockServices.logger.mock(),
          clock: Date.now,
        }),
      ).toBe(false);
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
      expect(expiring.instances.map(i => [i.status, i.versionsBehind])).toEqual(
        [
          ['ready', 0],
          ['ready', 0],
        ],
      );
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
  },
);
