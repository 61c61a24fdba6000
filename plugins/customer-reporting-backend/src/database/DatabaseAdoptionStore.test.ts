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
  },
);
