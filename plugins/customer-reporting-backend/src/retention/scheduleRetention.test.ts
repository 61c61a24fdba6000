import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createTestIngest, TEST_NOW } from '../__testUtils__/fixtures';
import { Stores } from '../database/createStores';
import { scheduleRetention } from './scheduleRetention';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const DAY = 86_400_000;

/** Schedules the retention task at TEST_NOW, checks its schedule, runs it once. */
async function runRetention(stores: Stores, retentionMs: number) {
  const scheduler = mockServices.scheduler.mock();
  await scheduleRetention({
    scheduler,
    instances: stores.instances,
    auditTrail: stores.auditTrail,
    alertDeliveries: stores.alerts.deliveries,
    logger: mockServices.logger.mock(),
    retentionMs,
    auditRetentionMs: retentionMs,
    clock: () => TEST_NOW,
  });
  const task = scheduler.scheduleTask.mock.calls[0][0];
  expect(task).toMatchObject({
    id: 'customer-reporting-check-in-retention',
    frequency: { hours: 24 },
  });
  await task.fn(new AbortController().signal);
}

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

      await runRetention(stores, 15 * DAY);

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

    it('takes any past check-in of an instance that lost none, and refuses those from before what it lost', async () => {
      const knex = await databases.init(databaseId);
      const { stores, ingest } = await createTestIngest(knex);
      const daysAgo = (days: number) =>
        new Date(TEST_NOW - days * DAY).toISOString();
      const checkIn = (instanceId: string, days: number) => ({
        instanceId,
        customerId: 'c1',
        at: daysAgo(days),
        appStatus: 'ready',
      });
      // History older than the retention age loads: nothing of i1 was deleted.
      await expect(
        ingest.ingestCheckIns({
          checkIns: [checkIn('i1', 500), checkIn('i1', 450), checkIn('i1', 10)],
        }),
      ).resolves.toEqual({ accepted: 3, duplicates: 0 });

      await runRetention(stores, 400 * DAY);
      const stored = async () =>
        (await knex('check_ins').orderBy('at').select('instance_id', 'at')).map(
          r => `${r.instance_id} ${new Date(Number(r.at)).toISOString()}`,
        );
      expect(await stored()).toEqual([`i1 ${daysAgo(10)}`]);

      // Before the deleted ones: its events could not be replayed. The whole
      // batch is refused, naming the item and the time.
      await expect(
        ingest.ingestCheckIns({
          checkIns: [checkIn('i1', 300), checkIn('i1', 460)],
        }),
      ).rejects.toMatchObject({
        issues: [
          {
            index: 1,
            field: 'at',
            message: `is older than the check-in retention period: instance i1's check-ins before ${daysAgo(
              400,
            )} were deleted`,
          },
        ],
      });
      expect(await stored()).toEqual([`i1 ${daysAgo(10)}`]);

      // After them, and any time for an instance that lost none.
      await expect(
        ingest.ingestCheckIns({
          checkIns: [checkIn('i1', 300), checkIn('i2', 600)],
        }),
      ).resolves.toEqual({ accepted: 2, duplicates: 0 });
      expect(await stored()).toEqual([
        `i2 ${daysAgo(600)}`,
        `i1 ${daysAgo(300)}`,
        `i1 ${daysAgo(10)}`,
      ]);
    });
  },
);
