import { TestDatabases } from '@backstage/backend-test-utils';
import { TEST_NOW } from '../__testUtils__/fixtures';
import { setupAuditFleet } from '../__testUtils__/installAuditFleet';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'time to install on %p',
  databaseId => {
    it('gives time to install percentiles across customers', async () => {
      const { knex, stores, ingest } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      await ingest.ingestCheckIns({
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-02T08:00:00Z',
            appStatus: 'missing',
            appVersion: '1.0.0',
          },
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-02T09:00:00Z',
            appStatus: 'ready',
          },
          {
            instanceId: 'i2',
            customerId: 'c2',
            at: '2024-06-03T09:00:00Z',
            appStatus: 'missing',
            appVersion: '1.1.0',
          },
          {
            instanceId: 'i2',
            customerId: 'c2',
            at: '2024-06-03T11:00:00Z',
            appStatus: 'ready',
          },
          {
            instanceId: 'i3',
            customerId: 'c2',
            at: '2024-06-20T09:00:00Z',
            appStatus: 'ready',
            appVersion: '1.1.0',
          },
        ],
      });
      await knex('instances').where({ id: 'i3' }).update({ archived: true });
      expect(await stores.timeToInstallStats.stats('app', TEST_NOW)).toEqual({
        groups: [
          {
            key: 'test-app',
            customers: 2,
            license: { median: 133200, p90: 170640 },
            instance: { median: 5400, p90: 6840 },
          },
        ],
      });
      const byVersion = await stores.timeToInstallStats.stats(
        'appVersion',
        TEST_NOW,
      );
      expect(
        byVersion.groups.map(g => [g.key, g.customers, g.license.median]),
      ).toEqual([
        ['1.0.0', 1, 86400],
        ['1.1.0', 1, 180000],
      ]);
      expect(
        (await stores.timeToInstallStats.stats('channel', TEST_NOW)).groups[0]
          .key,
      ).toBe('test-app/stable');
    });
  },
);
