import { TestDatabases } from '@backstage/backend-test-utils';
import { testCustomer } from '../__testUtils__/fixtures';
import {
  customerCheckIn as checkIn,
  ingestWithCustomer,
} from '../__testUtils__/ingestFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const at = (iso: string) => Date.parse(iso);

describe.each(databases.eachSupportedId())(
  'status timelines on %p',
  databaseId => {
    const from = at('2024-06-10T00:00:00Z');
    const asOf = at('2024-06-11T12:00:00Z');

    const setup = async () => {
      const { stores, ingest } = await ingestWithCustomer(
        await databases.init(databaseId),
      );
      await ingest.putCustomer('c2', testCustomer());
      await ingest.ingestCheckIns({
        checkIns: [
          // Three changes before the window: the last one is in force at `from`.
          checkIn('i1', '2024-06-01T00:00:00Z', 'missing'),
          checkIn('i1', '2024-06-02T00:00:00Z', 'unavailable'),
          checkIn('i1', '2024-06-03T00:00:00Z', 'ready'),
          checkIn('i1', '2024-06-10T06:00:00Z', 'degraded'),
          checkIn('i1', '2024-06-10T08:00:00Z', 'ready'),
          // First seen after asOf: not yet one of the customer's instances.
          checkIn('i2', '2024-06-12T00:00:00Z', 'ready'),
          {
            ...checkIn('i3', '2024-06-10T09:00:00Z', 'ready'),
            customerId: 'c2',
          },
        ],
      });
      return stores.report;
    };

    const i1 = {
      changes: [
        { at: at('2024-06-03T00:00:00Z'), status: 'ready' },
        { at: at('2024-06-10T06:00:00Z'), status: 'degraded' },
        { at: at('2024-06-10T08:00:00Z'), status: 'ready' },
      ],
      // The span of 1-3 June ends more than 24 h before `from`.
      spans: [
        { start: at('2024-06-10T06:00:00Z'), last: at('2024-06-10T08:00:00Z') },
      ],
    };

    it('reads the change in force at the window start, the window and its spans', async () => {
      const report = await setup();
      const byId = await report.getStatusTimelines(['i1', 'i3'], from, asOf);
      expect(byId.get('i1')).toEqual(i1);
      expect(byId.get('i3')).toEqual({
        changes: [{ at: at('2024-06-10T09:00:00Z'), status: 'ready' }],
        spans: [
          {
            start: at('2024-06-10T09:00:00Z'),
            last: at('2024-06-10T09:00:00Z'),
          },
        ],
      });
    });

    it("reads a customer's instances first seen by asOf, and only those", async () => {
      const report = await setup();
      const ofCustomer = await report.getCustomerStatusTimelines(
        'c1',
        asOf,
        from,
        asOf,
      );
      expect([...ofCustomer.keys()]).toEqual(['i1']);
      expect(ofCustomer.get('i1')).toEqual(i1);
    });
  },
);
