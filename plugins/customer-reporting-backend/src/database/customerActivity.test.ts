import { TestDatabases } from '@backstage/backend-test-utils';
import { ingestWithCustomer } from '../__testUtils__/ingestFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'recent install attempts on %p',
  databaseId => {
    it('counts all attempts started by asOf, not only the rows returned', async () => {
      const { stores, ingest } = await ingestWithCustomer(
        await databases.init(databaseId),
      );
      await ingest.ingestInstallAttemptEvents({
        events: ['a1', 'a2', 'a3'].map((attemptId, n) => ({
          attemptId,
          customerId: 'c1',
          type: 'started',
          at: `2024-06-0${n + 1}T10:00:00Z`,
        })),
      });
      const asOf = Date.parse('2024-06-05T00:00:00Z');
      const latestTwo = await stores.report.getInstallAttempts('c1', asOf, 2);
      expect(latestTwo.total).toBe(3);
      expect(latestTwo.rows.map(r => r.id)).toEqual(['a3', 'a2']);
      // Seen from 2 June, the third attempt has not started yet.
      const earlier = await stores.report.getInstallAttempts(
        'c1',
        Date.parse('2024-06-02T12:00:00Z'),
        2,
      );
      expect(earlier.total).toBe(2);
      expect(await stores.report.getInstallAttempts('c2', asOf, 2)).toEqual({
        rows: [],
        total: 0,
      });
    });
  },
);
