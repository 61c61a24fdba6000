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
      // i1 upgrades later: grouped by the version it ran at asOf.
      await ingest.ingestCheckIns({
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-25T09:00:00Z',
            appStatus: 'ready',
            appVersion: '1.1.0',
          },
        ],
      });
      const versionsAt = async (asOf: string) =>
        (
          await stores.timeToInstallStats.stats('appVersion', Date.parse(asOf))
        ).groups.map(g => [g.key, g.customers]);
      expect(await versionsAt('2024-06-24T00:00:00Z')).toEqual([
        ['1.0.0', 1],
        ['1.1.0', 1],
      ]);
      expect(await versionsAt('2024-06-26T00:00:00Z')).toEqual([['1.1.0', 2]]);
      // A version reported by its release sequence alone shows as the
      // sequence, as on the pages, now and rewound.
      await ingest.ingestCheckIns({
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-26T09:00:00Z',
            releaseSequence: 7,
          },
        ],
      });
      expect(await versionsAt('2024-06-27T00:00:00Z')).toEqual([
        ['1.1.0', 1],
        ['7', 1],
      ]);
      await ingest.ingestCheckIns({
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-28T09:00:00Z',
            appVersion: '1.2.0',
          },
        ],
      });
      expect(await versionsAt('2024-06-27T00:00:00Z')).toEqual([
        ['1.1.0', 1],
        ['7', 1],
      ]);
      expect(await versionsAt('2024-06-29T00:00:00Z')).toEqual([
        ['1.1.0', 1],
        ['1.2.0', 1],
      ]);
      expect(
        (await stores.timeToInstallStats.stats('channel', TEST_NOW)).groups[0]
          .key,
      ).toBe('test-app/stable');
    });

    it('takes percentiles of exact durations, rounded only at the end', async () => {
      const { stores, ingest } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      // Ready 1.4 s and 1.8 s after first seen: 1 s each if truncated first.
      await ingest.ingestCheckIns({
        checkIns: [
          ['i1', 'c1', '2024-06-02T08:00:00.000Z', '2024-06-02T08:00:01.400Z'],
          ['i2', 'c2', '2024-06-03T08:00:00.000Z', '2024-06-03T08:00:01.800Z'],
        ].flatMap(([instanceId, customerId, seen, ready]) => [
          { instanceId, customerId, at: seen, appStatus: 'missing' },
          { instanceId, customerId, at: ready, appStatus: 'ready' },
        ]),
      });
      const [group] = (await stores.timeToInstallStats.stats('app', TEST_NOW))
        .groups;
      expect(group.instance).toEqual({ median: 2, p90: 2 });
    });
  },
);
