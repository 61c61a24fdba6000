import { TestDatabases } from '@backstage/backend-test-utils';
import { ingestWithCustomer } from '../__testUtils__/ingestFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'customer activity on %p',
  databaseId => {
    it('reads portal activity in one statement: types, users by email, last download', async () => {
      const { stores, ingest } = await ingestWithCustomer(
        await databases.init(databaseId),
      );
      const event = (type: string, at: string, extra = {}) => ({
        customerId: 'c1',
        type,
        at: `2024-06-01T${at}:00Z`,
        ...extra,
      });
      await ingest.ingestPortalEvents({
        events: [
          // Invited in the reverse order of their emails.
          event('user-invited', '08:00', { email: 'c@acme.example.com' }),
          event('user-invited', '08:01', { email: 'b@acme.example.com' }),
          event('user-invited', '08:02', { email: 'a@acme.example.com' }),
          event('user-joined', '09:00', { email: 'b@acme.example.com' }),
          event('downloaded', '10:00', { version: '1.0.0' }),
          event('downloaded', '11:00', { version: '1.1.0' }),
          // After asOf: not seen yet.
          event('downloaded', '13:00', { version: '1.2.0' }),
        ],
      });
      const activity = await stores.report.getPortalActivity(
        'c1',
        Date.parse('2024-06-01T12:00:00Z'),
      );
      expect(activity.users).toEqual([
        { email: 'a@acme.example.com', joined: false },
        { email: 'b@acme.example.com', joined: true },
        { email: 'c@acme.example.com', joined: false },
      ]);
      expect(activity.lastDownload).toEqual({
        at: Date.parse('2024-06-01T11:00:00Z'),
        version: '1.1.0',
      });
      expect(activity.byType.get('downloaded')).toEqual({
        count: 2,
        first: Date.parse('2024-06-01T10:00:00Z'),
        last: Date.parse('2024-06-01T11:00:00Z'),
      });
      expect(activity.byType.get('user-invited')?.count).toBe(3);
      expect(await stores.report.getPortalActivity('c2', Date.now())).toEqual({
        byType: new Map(),
        users: [],
        lastDownload: null,
      });
    });

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
