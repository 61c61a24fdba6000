import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createTestIngest,
  TEST_NOW,
  testCustomer,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const HOUR = 3600_000;

describe.each(databases.eachSupportedId())(
  'DatabaseAdoptionStore on %p',
  databaseId => {
    it('counts only the customers the filter lets through, in SQL', async () => {
      const { stores, ingest } = await createTestIngest(
        await databases.init(databaseId),
      );
      await ingest.putCustomer(
        'c1',
        testCustomer({ owner: 'group:default/a' }),
      );
      await ingest.putCustomer(
        'c2',
        testCustomer({ name: 'Other', owner: 'group:default/b' }),
      );
      const at = new Date(TEST_NOW - 2 * HOUR).toISOString();
      await ingest.ingestCheckIns({
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at,
            appStatus: 'ready',
            releaseSequence: 2,
          },
          {
            instanceId: 'i2',
            customerId: 'c2',
            at,
            appStatus: 'ready',
            releaseSequence: 1,
          },
          {
            instanceId: 'i3',
            customerId: 'c2',
            at,
            appStatus: 'missing',
            releaseSequence: 1,
          },
        ],
      });
      const groups = (customerFilter: any) =>
        stores.adoption.groups({
          appSlug: 'test-app',
          samples: [TEST_NOW - HOUR, TEST_NOW],
          activeWindowMs: 24 * HOUR,
          customerFilter,
        });
      const total = (gs: { count: number }[]) =>
        gs.reduce((n, g) => n + g.count, 0);

      // Before the first check-in nothing is active.
      expect(
        await stores.adoption.groups({
          appSlug: 'test-app',
          samples: [TEST_NOW - 3 * HOUR],
          activeWindowMs: 24 * HOUR,
          customerFilter: 'all',
        }),
      ).toEqual([]);
      expect(total(await groups('all'))).toBe(6);
      const own = await groups({
        column: 'owner',
        values: ['group:default/a'],
      });
      expect(own).toEqual(
        [TEST_NOW - HOUR, TEST_NOW].map(sample => ({
          at: sample,
          channelSlug: 'stable',
          sequence: 2,
          versionLabel: null,
          status: 'ready',
          count: 1,
        })),
      );
      expect(await groups('none')).toEqual([]);
      expect(
        total(
          await groups({
            not: { column: 'owner', values: ['group:default/a'] },
          }),
        ),
      ).toBe(4);
    });

    it('counts an instance once at a sample two of its spans reach', async () => {
      const { stores, ingest } = await createTestIngest(
        await databases.init(databaseId),
      );
      // 35 h without a check-in: two observation spans. With a 72 h
      // active window both reach the samples.
      await ingest.ingestCheckIns({
        checkIns: [40, 5].map(hoursAgo => ({
          instanceId: 'i1',
          customerId: 'c1',
          at: new Date(TEST_NOW - hoursAgo * HOUR).toISOString(),
          appStatus: 'ready',
        })),
      });
      const groups = await stores.adoption.groups({
        appSlug: 'test-app',
        samples: [TEST_NOW - HOUR, TEST_NOW],
        activeWindowMs: 72 * HOUR,
        customerFilter: 'all',
      });
      expect(groups.map(g => [g.at, g.count])).toEqual([
        [TEST_NOW - HOUR, 1],
        [TEST_NOW, 1],
      ]);
    });

    it('leaves out customers created after asOf, as the card and list do', async () => {
      const { stores, ingest } = await createTestIngest(
        await databases.init(databaseId),
      );
      const iso = (t: number) => new Date(t).toISOString();
      // c2's license is issued an hour before now, for an instance that
      // reported before it.
      await ingest.putCustomer(
        'c2',
        testCustomer({ name: 'Later', createdAt: iso(TEST_NOW - HOUR) }),
      );
      await ingest.ingestCheckIns({
        checkIns: ['c1', 'c2'].map(customerId => ({
          instanceId: `${customerId}-i`,
          customerId,
          at: iso(TEST_NOW - 3 * HOUR),
          appStatus: 'ready',
        })),
      });
      const customersAt = async (samples: number[]) =>
        (
          await stores.adoption.groups({
            appSlug: 'test-app',
            samples,
            activeWindowMs: 24 * HOUR,
            customerFilter: 'all',
          })
        ).map(g => [g.at, g.count]);

      // Judged at asOf before c2 existed: only c1's instance.
      expect(await customersAt([TEST_NOW - 2 * HOUR])).toEqual([
        [TEST_NOW - 2 * HOUR, 1],
      ]);
      // Once c2 exists its history counts, before its creation too.
      expect(await customersAt([TEST_NOW - 2 * HOUR, TEST_NOW])).toEqual([
        [TEST_NOW - 2 * HOUR, 2],
        [TEST_NOW, 2],
      ]);
    });
  },
);
