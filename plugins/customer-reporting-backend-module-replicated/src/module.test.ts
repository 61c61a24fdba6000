import request from 'supertest';
import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { http, HttpResponse } from 'msw';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
// The integration test runs the module in the real backend plugin.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import customerReportingPlugin from '@internal/plugin-customer-reporting-backend';
import { CUSTOMER_IDS } from './__fixtures__';
import {
  API_TOKEN,
  BASE_URL,
  fakeVendorApi,
} from './__testUtils__/fakeVendorApi';
import { customerReportingModuleReplicated } from './module';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const api = '/api/customer-reporting';
const user = mockCredentials.user.header();

/** The scheduler the plugin uses (the test backend's: runs each task at start-up). */
function schedulerOfPlugin() {
  const captured: { scheduler?: SchedulerService } = {};
  const feature = createBackendModule({
    pluginId: 'customer-reporting',
    moduleId: 'test-scheduler',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          captured.scheduler = scheduler;
        },
      });
    },
  });
  return { feature, captured };
}

describe('the Replicated module in the backend', () => {
  // Fixture times shifted to the present, as a live Vendor API would answer.
  const { server } = fakeVendorApi({ now: Date.now });

  async function start(replicated?: object) {
    const { feature, captured } = schedulerOfPlugin();
    const { server: backend } = await startTestBackend({
      features: [
        customerReportingPlugin,
        customerReportingModuleReplicated,
        feature,
        mockServices.rootConfig.factory({
          data: replicated ? { customerReporting: { replicated } } : {},
        }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
      ],
    });
    const get = (path: string) =>
      request(backend).get(`${api}${path}`).set('Authorization', user);
    const dataSource = () =>
      get('/v1/data-sources').then(res => res.body.items[0]);
    const syncAgain = () =>
      captured.scheduler!.triggerTask('customer-reporting-source-replicated');
    return { get, dataSource, syncAgain };
  }

  it('fills the portal from the Vendor API, and a failed sync keeps what was stored', async () => {
    // The first sync runs while the backend starts.
    const { get, dataSource, syncAgain } = await start({
      apiToken: API_TOKEN,
      appSlugs: ['nimbus'],
      baseUrl: BASE_URL,
    });

    const synced = await dataSource();
    expect(synced).toEqual(
      expect.objectContaining({
        id: 'replicated',
        state: 'succeeded',
        counts: expect.objectContaining({ customers: 5, instances: 5 }),
      }),
    );
    const customers = await get('/v1/customers?limit=50').expect(200);
    expect(
      customers.body.items.map((c: { name: string }) => c.name).sort(),
    ).toEqual([
      'Acme Corp',
      'Globex',
      'Hooli',
      'Initech',
      'Umbrella Corporation',
    ]);
    // One moment for both reports, so their uptime shares compare.
    const asOf = encodeURIComponent(new Date().toISOString());
    const reportPath = `/v1/customers/${CUSTOMER_IDS.acme}/report?asOf=${asOf}`;
    const report = await get(reportPath).expect(200);
    expect(report.body.customer).toEqual(
      expect.objectContaining({
        licenseType: 'paid',
        licenseTypeLabel: 'Paid',
        active: true,
      }),
    );
    expect(report.body.instances).toEqual([
      expect.objectContaining({
        id: '7f3b2c9e1a4d',
        name: 'prod-eu',
        status: 'ready',
        appVersion: '2.3.1',
        clusterType: 'kurl',
        kurlNodesTotal: 3,
        kotsVersion: 'v1.109.3',
        cloudProvider: 'aws',
      }),
      // Air gap instances are listed whatever their last check-in.
      expect.objectContaining({
        id: 'a9e04d7c21b8',
        airgap: true,
        status: 'degraded',
      }),
    ]);
    expect(
      report.body.installAttempts
        .map((a: { status: string }) => a.status)
        .sort(),
    ).toEqual(['failed', 'succeeded']);

    // The Vendor API goes down: later syncs fail, the stored data stays.
    server.use(
      http.get(
        `${BASE_URL}/*`,
        () =>
          new HttpResponse(null, {
            status: 503,
            headers: { 'Retry-After': '0' },
          }),
      ),
    );
    await syncAgain();
    const failed = await dataSource();
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/503/);
    expect(failed.counts).toEqual(synced.counts);
    const after = await get('/v1/customers?limit=50').expect(200);
    expect(after.body.totalCount).toBe(5);
    const reportAfter = await get(reportPath).expect(200);
    expect(reportAfter.body.instances).toEqual(report.body.instances);
  });

  it('registers nothing without customerReporting.replicated', async () => {
    const { dataSource } = await start();
    expect(await dataSource()).toBeUndefined();
  });
});
