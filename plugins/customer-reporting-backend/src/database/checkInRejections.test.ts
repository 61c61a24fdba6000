import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestIngest, testCustomer } from '../__testUtils__/fixtures';
import { julyFirstCheckIn as checkIn } from '../__testUtils__/ingestFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

// What ingest refuses, and that a refused batch stores nothing.
describe.each(databases.eachSupportedId())(
  'check-in rejections on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      return { knex, ...(await createTestIngest(knex)) };
    }

    it('rejects a whole batch naming the bad item, storing nothing', async () => {
      const { knex, ingest } = await setup();
      await expect(
        ingest.ingestCheckIns({
          checkIns: [
            checkIn('10:00'),
            checkIn('10:05', { appStatus: 'sideways' }),
          ],
        }),
      ).rejects.toMatchObject({ issues: [{ index: 1, field: 'appStatus' }] });
      await expect(
        ingest.ingestCheckIns({
          checkIns: [
            checkIn('10:00'),
            { ...checkIn('10:05'), customerId: 'nobody' },
          ],
        }),
      ).rejects.toThrow('Unknown customer: nobody');
      const [{ count }] = await knex('check_ins').count({ count: '*' });
      expect(Number(count)).toBe(0);
    });

    it('rejects an app status that contradicts the resource states', async () => {
      const { ingest } = await setup();
      await expect(
        ingest.ingestCheckIns({
          checkIns: [
            checkIn('10:00', {
              appStatus: 'ready',
              resourceStates: [
                {
                  kind: 'PVC',
                  namespace: 'a',
                  name: 'data',
                  state: 'unavailable',
                },
              ],
            }),
          ],
        }),
      ).rejects.toMatchObject({
        issues: [
          {
            index: 0,
            field: 'appStatus',
            message: 'is ready but the resource states roll up to unavailable',
          },
        ],
      });
    });

    it('keeps an instance with the customer that first reported it', async () => {
      const { ingest } = await setup();
      await ingest.putCustomer(
        'c2',
        testCustomer({ name: 'Globex', licenseId: 'lic-g' }),
      );
      await ingest.ingestCheckIns({ checkIns: [checkIn('10:00')] });
      await expect(
        ingest.ingestCheckIns({
          checkIns: [{ ...checkIn('11:00'), customerId: 'c2' }],
        }),
      ).rejects.toMatchObject({ issues: [{ index: 0, field: 'customerId' }] });
    });

    it('rejects check-ins more than 5 minutes in the future', async () => {
      const { ingest } = await setup();
      await expect(
        ingest.ingestCheckIns({
          checkIns: [
            { instanceId: 'i1', customerId: 'c1', at: '2024-07-02T12:06:00Z' },
          ],
        }),
      ).rejects.toMatchObject({
        issues: [
          {
            index: 0,
            field: 'at',
            message: 'must not be more than 5 minutes in the future',
          },
        ],
      });
      expect(
        await ingest.ingestCheckIns({
          checkIns: [
            { instanceId: 'i1', customerId: 'c1', at: '2024-07-02T12:04:00Z' },
          ],
        }),
      ).toEqual({ accepted: 1, duplicates: 0 });
    });
  },
);
