import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestIngest, testCustomer } from '../__testUtils__/fixtures';
import { julyFirstCheckIn as checkIn } from '../__testUtils__/ingestFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'DatabaseInstancesStore on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      return { knex, ...(await createTestIngest(knex)) };
    }

    async function snapshot(
      knex: Awaited<ReturnType<typeof setup>>['knex'],
      instanceId = 'i1',
    ) {
      const instance = await knex('instances')
        .where({ id: instanceId })
        .first();
      const events = await knex('instance_events')
        .where({ instance_id: instanceId })
        .orderBy(['field', 'at'])
        .select('field', 'at', 'value', 'previous_value');
      const spans = await knex('instance_spans')
        .where({ instance_id: instanceId })
        .orderBy('start_at')
        .select('start_at', 'last_at');
      return {
        instance: {
          first_seen_at: Number(instance.first_seen_at),
          first_ready_at:
            instance.first_ready_at === null
              ? null
              : Number(instance.first_ready_at),
          last_check_in_at: Number(instance.last_check_in_at),
          status_rank: instance.status_rank,
          app_version: instance.app_version,
          state: JSON.parse(instance.state),
        },
        events: events.map(e => ({ ...e, at: Number(e.at) })),
        spans: spans.map(s => ({
          start: Number(s.start_at),
          last: Number(s.last_at),
        })),
      };
    }

    it('creates exactly the change events of domain example 4', async () => {
      const { knex, ingest } = await setup();
      const result = await ingest.ingestCheckIns({
        checkIns: [
          checkIn('10:00', {
            customMetrics: { users: 100 },
            cloudRegion: 'us-east',
          }),
          checkIn('10:05', {
            customMetrics: { users: 100 },
            cloudRegion: 'us-west',
          }),
          checkIn('10:10', {
            customMetrics: { users: 150 },
            cloudRegion: 'us-west',
          }),
        ],
      });
      expect(result).toEqual({ accepted: 3, duplicates: 0 });
      const [{ count }] = await knex('instance_events').count({ count: '*' });
      expect(Number(count)).toBe(4);
    });

    it('changes nothing when the same batch is sent again', async () => {
      const { knex, ingest } = await setup();
      const batch = {
        checkIns: [
          checkIn('09:00', { appStatus: 'missing', cloudRegion: 'eu' }),
          checkIn('10:00', { appStatus: 'ready', customMetrics: { users: 5 } }),
        ],
      };
      await ingest.ingestCheckIns(batch);
      const tables = [
        'check_ins',
        'instances',
        'instance_events',
        'instance_spans',
      ];
      const dump = async () =>
        Promise.all(
          tables.map(t =>
            knex(t)
              .select()
              .then(rows => JSON.stringify(rows)),
          ),
        );
      const before = await dump();
      expect(await ingest.ingestCheckIns(batch)).toEqual({
        accepted: 0,
        duplicates: 2,
      });
      expect(await dump()).toEqual(before);
    });

    it('counts replays, in a later batch or the same one, as duplicates', async () => {
      const { knex, ingest } = await setup();
      const batch = {
        checkIns: [
          checkIn('10:00', { appStatus: 'ready' }),
          checkIn('11:00', { appStatus: 'ready' }),
        ],
      };
      expect(await ingest.ingestCheckIns(batch)).toEqual({
        accepted: 2,
        duplicates: 0,
      });
      expect(await ingest.ingestCheckIns(batch)).toEqual({
        accepted: 0,
        duplicates: 2,
      });
      expect(
        await ingest.ingestCheckIns({
          checkIns: [checkIn('12:00'), checkIn('12:00')],
        }),
      ).toEqual({ accepted: 1, duplicates: 1 });
      // A repeat after another instance's check-in is found as well.
      const i2 = { instanceId: 'i2' };
      expect(
        await ingest.ingestCheckIns({
          checkIns: [
            checkIn('13:00'),
            checkIn('13:00', i2),
            checkIn('13:00'),
            checkIn('14:00', i2),
            checkIn('13:00', i2),
          ],
        }),
      ).toEqual({ accepted: 3, duplicates: 2 });
      const [{ count }] = await knex('check_ins').count({ count: '*' });
      expect(Number(count)).toBe(6);
    });

    it('refuses an instance reported for two customers, in one batch as in two', async () => {
      const { knex, ingest } = await setup();
      await ingest.putCustomer('c2', testCustomer());
      const c2 = { customerId: 'c2' };
      // The same instance and time for another customer is no duplicate
      // to drop: the instance belongs to the customer that reported it.
      for (const checkIns of [
        [checkIn('10:00'), checkIn('10:00', c2)],
        [
          checkIn('10:00', { instanceId: 'i3' }),
          checkIn('11:00', { instanceId: 'i3', ...c2 }),
        ],
      ]) {
        await expect(ingest.ingestCheckIns({ checkIns })).rejects.toMatchObject(
          {
            issues: [
              {
                index: 1,
                field: 'customerId',
                message: expect.stringMatching(
                  /belongs to customer c1, not c2$/,
                ),
              },
            ],
          },
        );
      }
      expect(Number((await knex('check_ins').count({ n: '*' }))[0].n)).toBe(0);
      await ingest.ingestCheckIns({ checkIns: [checkIn('10:00')] });
      await expect(
        ingest.ingestCheckIns({ checkIns: [checkIn('10:00', c2)] }),
      ).rejects.toMatchObject({ issues: [{ index: 0, field: 'customerId' }] });
    });

    it('derives first seen, first ready, status and version', async () => {
      const { knex, ingest } = await setup();
      await ingest.ingestCheckIns({
        checkIns: [
          checkIn('14:00', { appStatus: 'Missing', appVersion: '1.0.0' }),
          checkIn('14:20', { appStatus: 'unavailable' }),
          checkIn('15:30', { appStatus: 'READY', appVersion: '1.1.0' }),
          checkIn('16:00', {
            resourceStates: [
              {
                kind: 'Deployment',
                namespace: 'app',
                name: 'api',
                state: 'degraded',
              },
            ],
          }),
        ],
      });
      const { instance } = await snapshot(knex);
      expect(instance.first_seen_at).toBe(Date.parse('2024-07-01T14:00:00Z'));
      expect(instance.first_ready_at).toBe(Date.parse('2024-07-01T15:30:00Z'));
      expect(instance.status_rank).toBe(2); // degraded
      expect(instance.app_version).toBe('1.1.0');
    });

    it('ends in the same state whatever order check-ins arrive in', async () => {
      const items = [
        checkIn('01:00', {
          appStatus: 'missing',
          cloudRegion: 'eu',
          appVersion: '1.0.0',
        }),
        checkIn('03:00', { appStatus: 'ready', cloudRegion: 'eu' }),
        checkIn('05:00', {
          appStatus: 'ready',
          cloudRegion: 'us',
          appVersion: '1.1.0',
        }),
        checkIn('07:00', {
          appStatus: 'degraded',
          customMetrics: { users: 3 },
        }),
        checkIn('09:00', {
          appStatus: 'ready',
          cloudRegion: 'us',
          customMetrics: { users: 4 },
        }),
      ];
      const inOrder = await setup();
      await inOrder.ingest.ingestCheckIns({ checkIns: items });

      const shuffled = await setup();
      for (const index of [3, 0, 4, 2, 1]) {
        await shuffled.ingest.ingestCheckIns({ checkIns: [items[index]] });
      }
      expect(await snapshot(shuffled.knex)).toEqual(
        await snapshot(inOrder.knex),
      );
      expect((await snapshot(inOrder.knex)).events).toHaveLength(10);
    });

    it('handles a batch mixing live, late and new instances as in-order delivery would', async () => {
      const at = (instanceId: string, hour: number, extra = {}) => ({
        instanceId,
        customerId: 'c1',
        at: `2024-07-01T${String(hour).padStart(2, '0')}:00:00Z`,
        appStatus: hour % 3 === 0 ? 'degraded' : 'ready',
        appVersion: `1.${Math.floor(hour / 4)}.0`,
        ...extra,
      });
      const first = [at('i1', 1), at('i1', 3), at('i2', 2), at('i2', 9)];
      // i1 goes on in order, i2 receives a late check-in (and an in-order
      // one), i3 is new; a repeat of i1's last check-in is a duplicate.
      const second = [
        at('i1', 3),
        at('i1', 6, { cloudRegion: 'eu' }),
        at('i2', 5, { cloudRegion: 'us' }),
        at('i2', 12),
        at('i3', 4),
        at('i1', 8),
      ];
      const mixed = await setup();
      await mixed.ingest.ingestCheckIns({ checkIns: first });
      expect(await mixed.ingest.ingestCheckIns({ checkIns: second })).toEqual({
        accepted: 5,
        duplicates: 1,
      });

      const ordered = await setup();
      const unique = [...first, ...second.slice(1)].sort((a, b) =>
        a.at.localeCompare(b.at),
      );
      for (const item of unique) {
        await ordered.ingest.ingestCheckIns({ checkIns: [item] });
      }
      for (const id of ['i1', 'i2', 'i3']) {
        expect(await snapshot(mixed.knex, id)).toEqual(
          await snapshot(ordered.knex, id),
        );
      }
      expect((await snapshot(mixed.knex, 'i2')).instance.state).toMatchObject({
        cloudRegion: '"us"',
        appVersion: '"1.3.0"',
      });
    });

    it('splits observation spans at gaps over 24 hours and joins them when a late check-in bridges the gap', async () => {
      const { knex, ingest } = await setup();
      await ingest.ingestCheckIns({
        checkIns: [
          { instanceId: 'i1', customerId: 'c1', at: '2024-06-01T00:00:00Z' },
          { instanceId: 'i1', customerId: 'c1', at: '2024-06-03T00:00:00Z' },
        ],
      });
      expect((await snapshot(knex)).spans).toHaveLength(2);
      await ingest.ingestCheckIns({
        checkIns: [
          { instanceId: 'i1', customerId: 'c1', at: '2024-06-02T00:00:00Z' },
        ],
      });
      expect((await snapshot(knex)).spans).toEqual([
        {
          start: Date.parse('2024-06-01T00:00:00Z'),
          last: Date.parse('2024-06-03T00:00:00Z'),
        },
      ]);
    });
  },
);
