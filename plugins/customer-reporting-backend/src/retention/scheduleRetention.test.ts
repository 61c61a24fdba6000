import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createTestIngest, TEST_NOW } from '../__testUtils__/fixtures';
import { scheduleRetention } from './scheduleRetention';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const DAY = 86_400_000;

describe.each(databases.eachSupportedId())(
  'check-in retention on %p',
  databaseId => {
    it('deletes only raw check-ins past the retention age, keeping derived state', async () => {
      const knex = await databases.init(databaseId);
      const { stores, ingest } = await createTestIngest(knex);
      await ingest.ingestCheckIns({
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-01T00:00:00Z',
            appStatus: 'ready',
          },
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-20T00:00:00Z',
            appStatus: 'degraded',
          },
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-07-01T00:00:00Z',
            appStatus: 'ready',
          },
        ],
      });
      const eventsBefore = await knex('instance_events').count({ count: '*' });

      const scheduler = mockServices.scheduler.mock();
      await scheduleRetention({
        scheduler,
        instances: stores.instances,
        auditTrail: stores.auditTrail,
        alertDeliveries: stores.alerts.deliveries,
        logger: mockServices.logger.mock(),
        retentionMs: 15 * DAY,
        auditRetentionMs: 15 * DAY,
        clock: () => TEST_NOW,
      });
      const task = scheduler.scheduleTask.mock.calls[0][0];
      expect(task).toMatchObject({
        id: 'customer-reporting-check-in-retention',
        frequency: { hours: 24 },
      });
      await task.fn(new AbortController().signal);

      const remaining = await knex('check_ins').orderBy('at').select('at');
      expect(remaining.map(r => new Date(Number(r.at)).toISOString())).toEqual([
        '2024-06-20T00:00:00.000Z',
        '2024-07-01T00:00:00.000Z',
      ]);
      expect(await knex('instance_events').count({ count: '*' })).toEqual(
        eventsBefore,
      );
      const instance = await knex('instances').where({ id: 'i1' }).first();
      expect(Number(instance.first_ready_at)).toBe(
        Date.parse('2024-06-01T00:00:00Z'),
      );
    });

    it('refuses check-ins older than the retention age', async () => {
      const knex = await databases.init(databaseId);
      const { ingest } = await createTestIngest(knex);
      const old = new Date(TEST_NOW - 401 * DAY).toISOString();
      await expect(
        ingest.ingestCheckIns({
          checkIns: [{ instanceId: 'i1', customerId: 'c1', at: old }],
        }),
      ).rejects.toMatchObject({
        issues: [
          {
            index: 0,
            field: 'at',
            message: 'is older than the check-in retention period',
          },
        ],
      });
    });
  },
);
