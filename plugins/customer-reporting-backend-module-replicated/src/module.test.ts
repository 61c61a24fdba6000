import request from 'supertest';
import { http, HttpResponse } from 'msw';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
// The integration test runs the module in the real backend plugin.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import customerReportingPlugin from '@customer-reporting/plugin-customer-reporting-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { schedulerOf } from '@customer-reporting/plugin-customer-reporting-backend/testUtils';
import { CUSTOMER_IDS } from './__fixtures__';
import {
  API_TOKEN,
  BASE_URL,
  fakeVendorApi,
  NOW,
} from './__testUtils__/fakeVendorApi';
import { customerReportingModuleReplicated } from './module';

jest.setTimeout(120_000);

// PostgreSQL too when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const api = '/api/customer-reporting';
const user = mockCredentials.user.header();

describe.each(databases.eachSupportedId())(
  'the Replicated module in the backend (%s)',
  databaseId => {
    // Fixture times shifted to the present, as a live Vendor API would answer.
    const startedAt = Date.now();
    const { server } = fakeVendorApi({ now: () => startedAt, maxPageSize: 2 });

    async function start(replicated?: object) {
      const { feature, triggerTask } = schedulerOf('customer-reporting');
      const { server: backend } = await startTestBackend({
        features: [
          customerReportingPlugin,
          customerReportingModuleReplicated,
          feature,
          mockServices.rootConfig.factory({
            data: replicated ? { customerReporting: { replicated } } : {},
          }),
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
        ],
      });
      const get = (path: string) =>
        request(backend).get(`${api}${path}`).set('Authorization', user);
      const dataSource = () =>
        get('/v1/data-sources').then(res => res.body.items[0]);
      const syncAgain = () =>
        triggerTask('customer-reporting-source-replicated');
      return { get, dataSource, syncAgain };
    }

    it('fills the customer report completely from one sync against the spec-exact fake, and a failed sync keeps what was stored', async () => {
      // The first sync runs while the backend starts.
      const { get, dataSource, syncAgain } = await start({
        apiToken: API_TOKEN,
        appSlugs: ['nimbus'],
        baseUrl: BASE_URL,
      });
      const shifted = (iso: string) =>
        new Date(Date.parse(iso) + (startedAt - NOW)).toISOString();

      const synced = await dataSource();
      expect(synced).toEqual(
        expect.objectContaining({
          id: 'replicated',
          state: 'succeeded',
          counts: expect.objectContaining({
            customers: 5,
            instances: 5,
            instancesArchived: 1,
          }),
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

      // One moment for every read, so shares and ages compare.
      const asOf = encodeURIComponent(new Date().toISOString());
      const report = (id: string) =>
        get(`/v1/customers/${id}/report?asOf=${asOf}`)
          .expect(200)
          .then(res => res.body);

      const acme = await report(CUSTOMER_IDS.acme);
      expect(acme.customer).toEqual(
        expect.objectContaining({
          licenseType: 'paid',
          channel: { slug: 'stable', name: 'Stable' },
          active: true,
        }),
      );
      // The latest first ready: the air gap instance's, which only the
      // Enterprise Portal's instance list tells (no status events).
      expect(acme.timeToInstall).toEqual({
        instanceId: 'a9e04d7c21b8',
        firstSeenAt: shifted('2024-05-15T08:00:00Z'),
        firstReadyAt: shifted('2024-05-15T08:40:00Z'),
        instanceSeconds: 40 * 60,
        licenseSeconds: (75 * 24 - 20 / 60) * 3600,
      });
      expect(acme.instances).toEqual([
        expect.objectContaining({
          id: '7f3b2c9e1a4d',
          name: 'prod-eu',
          status: 'ready',
          airgap: false,
          appVersion: '2.3.1',
          versionsBehind: 0,
          clusterType: 'kurl',
          k8sDistribution: 'kurl',
          kurlNodesTotal: 3,
          kurlNodesReady: 3,
          kotsVersion: 'v1.109.3',
          cloudProvider: 'aws',
          cloudRegion: 'eu-west-1',
        }),
        // Air gap instances are listed whatever their last check-in.
        expect.objectContaining({
          id: 'a9e04d7c21b8',
          airgap: true,
          // The rollup of the Enterprise Portal's resource states.
          status: 'degraded',
          k8sDistribution: 'rke2',
          appVersion: '2.2.0',
          // 2.2.1, 2.3.0 and 2.3.1 came out after 2.2.0.
          versionsBehind: 3,
          clusterType: 'existing',
          kurlNodesTotal: null,
        }),
      ]);
      expect(acme.portal).toEqual(
        expect.objectContaining({
          kind: 'enterprise',
          status: 'accessed',
          // From the team's support bundle list.
          supportBundles: 2,
          lastAccessedAt: shifted('2024-07-01T09:12:00Z'),
          users: [
            { email: 'alice@acme.example.com', status: 'joined' },
            { email: 'bob@acme.example.com', status: 'invited' },
          ],
          serviceAccounts: 1,
          installAttempts: 3,
          delivery: {
            firstAccessAt: shifted('2024-03-02T08:00:00Z'),
            firstPullAt: shifted('2024-03-10T13:20:00Z'),
            latestPullAt: shifted('2024-06-21T01:30:00Z'),
          },
        }),
      );
      const attempts = Object.fromEntries(
        acme.installAttempts.map((a: { id: string }) => [a.id, a]),
      );
      expect(attempts.ia_2kAcmeHelm0001).toEqual(
        expect.objectContaining({
          status: 'succeeded',
          installType: 'helm',
          userEmail: 'alice@acme.example.com',
          appVersion: '2.2.0',
          durationSeconds: 3000,
          steps: [
            { step: 'started', at: shifted('2024-03-10T13:00:00Z') },
            { step: 'registry-login', at: shifted('2024-03-10T13:05:00Z') },
            { step: 'images-pulled', at: shifted('2024-03-10T13:20:00Z') },
            { step: 'completed', at: shifted('2024-03-10T13:50:00Z') },
          ],
        }),
      );
      expect(attempts.ia_2kAcmeLinux0002).toEqual(
        expect.objectContaining({
          status: 'stalled',
          installType: 'linux',
          networkMode: 'airgap',
          registry: 'offline',
        }),
      );
      expect(attempts.ia_2kAcmeLinux0003.status).toBe('discarded');

      // Status and version changes at their reported times, custom metrics.
      const details = await get(`/v1/instances/7f3b2c9e1a4d?asOf=${asOf}`)
        .expect(200)
        .then(res => res.body);
      expect(details.customMetrics).toEqual({
        activeUsers: 135,
        backupEnabled: true,
      });
      const events = await get(
        `/v1/instances/7f3b2c9e1a4d/events?limit=100&asOf=${asOf}`,
      )
        .expect(200)
        .then(res => res.body.items);
      const changes = (field: string) =>
        events
          .filter((e: { field: string }) => e.field === field)
          .map((e: { at: string; value: unknown }) => [e.at, e.value])
          .reverse();
      expect(changes('appStatus').slice(0, 5)).toEqual([
        [shifted('2024-03-10T14:00:00Z'), 'missing'],
        [shifted('2024-03-10T14:20:00Z'), 'unavailable'],
        [shifted('2024-03-10T15:30:00Z'), 'ready'],
        [shifted('2024-03-11T02:00:00Z'), 'degraded'],
        [shifted('2024-03-11T03:00:00Z'), 'ready'],
      ]);
      // Statuses at their reported times: first seen 14:00, ready 15:30.
      expect(details.insights).toMatchObject({
        instanceTimeToInstallSeconds: 5400,
      });
      expect(changes('appVersion')).toEqual([
        [shifted('2024-03-10T14:00:00Z'), '2.2.0'],
        [shifted('2024-06-21T02:00:00Z'), '2.3.1'],
      ]);

      // Embedded Cluster (never kURL) and its Download Portal.
      const globex = await report(CUSTOMER_IDS.globex);
      expect(globex.instances).toEqual([
        expect.objectContaining({
          id: '3c5e7a9b1d2f',
          clusterType: 'embedded',
          k8sDistribution: 'embedded-cluster',
          kurlNodesTotal: 3,
          kurlNodesReady: 2,
          appVersion: '2.4.0-beta.2',
          versionsBehind: 0,
        }),
      ]);
      expect(globex.portal).toEqual(
        expect.objectContaining({
          kind: 'download',
          url: 'https://get.nimbus.example.com/globex-9q4d2',
        }),
      );
      // Helm only: an existing cluster without KOTS, reporting through the SDK.
      const initech = await report(CUSTOMER_IDS.initech);
      expect(initech.instances).toEqual([
        expect.objectContaining({
          clusterType: 'existing',
          kotsVersion: null,
          sdkVersion: '1.0.0',
          appVersion: '2.1.6',
          versionsBehind: 1,
        }),
      ]);
      // Its old cluster, archived in the vendor portal, is archived here.
      expect(initech.instanceCounts.archived).toBe(1);
      const withArchived = await get(
        `/v1/customers/${CUSTOMER_IDS.initech}/report?asOf=${asOf}&includeArchived=true&includeInactive=true`,
      ).expect(200);
      expect(
        withArchived.body.instances.map((i: any) => [i.id, i.archived]),
      ).toEqual(expect.arrayContaining([['b7c8d9e0f1a2', true]]));

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
      expect(await report(CUSTOMER_IDS.acme)).toEqual(acme);
    });

    it('registers nothing without customerReporting.replicated', async () => {
      const { dataSource } = await start();
      expect(await dataSource()).toBeUndefined();
    });
  },
);
