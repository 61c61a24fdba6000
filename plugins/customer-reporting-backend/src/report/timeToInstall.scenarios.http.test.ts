import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { startTimelineBackend } from '../__testUtils__/timelineBackend';

jest.setTimeout(120_000);

/*
 * Time to install (domain spec §4) through the HTTP API, for timelines the
 * worked examples leave out: late and out-of-order check-ins, ties,
 * archived and inactive candidates, asOf before the first ready. Each
 * number is worked out from the definitions, not from the code.
 */
const databases = TestDatabases.create();
const H = 3600;

async function start(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  return {
    knex,
    ...(await startTimelineBackend(knex, '2024-06-01T09:00:00Z')),
  };
}

describe.each(databases.eachSupportedId())(
  'time to install scenarios on %p',
  databaseId => {
    it('takes a late ready check-in with an earlier time as the first ready, and a late first check-in as first seen', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        ['i1', '2024-06-02T10:00:00Z', 'missing'],
        ['i1', '2024-06-02T12:00:00Z', 'ready'],
        ['i1', '2024-06-02T13:00:00Z', 'degraded'],
      ]);
      // Sent after the later ones, reported earlier.
      await checkIns([['i1', '2024-06-02T11:00:00Z', 'ready']]);
      const asOf = 'asOf=2024-06-02T14:00:00Z';
      expect(
        (await get(`/v1/customers/c1/report?${asOf}`)).timeToInstall,
      ).toEqual({
        instanceId: 'i1',
        firstSeenAt: '2024-06-02T10:00:00.000Z',
        firstReadyAt: '2024-06-02T11:00:00.000Z',
        instanceSeconds: H,
        licenseSeconds: 26 * H,
      });
      await checkIns([['i1', '2024-06-02T09:00:00Z', 'unavailable']]);
      const report = await get(`/v1/customers/c1/report?${asOf}`);
      expect(report.timeToInstall).toMatchObject({
        firstSeenAt: '2024-06-02T09:00:00.000Z',
        instanceSeconds: 2 * H,
        licenseSeconds: 26 * H,
      });
      expect(report.instances[0]).toMatchObject({
        firstSeenAt: '2024-06-02T09:00:00.000Z',
        firstReadyAt: '2024-06-02T11:00:00.000Z',
      });
      expect((await get(`/v1/instances/i1?${asOf}`)).insights).toMatchObject({
        instanceTimeToInstallSeconds: 2 * H,
        licenseTimeToInstallSeconds: 26 * H,
      });
    });

    it('counts a ready that comes from resource states, and a ready first check-in as zero', async () => {
      const { checkIns, get } = await start(databaseId);
      const deployment = (state: string) => [
        { kind: 'Deployment', namespace: 'app', name: 'web', state },
      ];
      await checkIns([
        {
          instanceId: 'rs',
          at: '2024-06-02T10:00:00Z',
          resourceStates: deployment('unavailable'),
        },
        {
          instanceId: 'rs',
          at: '2024-06-02T10:45:00Z',
          resourceStates: deployment('ready'),
        },
        ['now-ready', '2024-06-02T08:00:00Z', 'READY'],
      ]);
      const asOf = 'asOf=2024-06-02T12:00:00Z';
      expect(
        (await get(`/v1/customers/c1/report?${asOf}`)).timeToInstall,
      ).toMatchObject({ instanceId: 'rs', instanceSeconds: 45 * 60 });
      expect(
        (await get(`/v1/instances/now-ready?${asOf}`)).insights,
      ).toMatchObject({
        instanceTimeToInstallSeconds: 0,
        licenseTimeToInstallSeconds: 23 * H,
      });
    });

    it('breaks a tie on the latest first ready by the smallest id, whatever the arrival order', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        ['inst-b', '2024-06-02T09:00:00Z', 'missing'],
        ['inst-b', '2024-06-02T10:00:00Z', 'ready'],
        ['inst-c', '2024-06-02T07:00:00Z', 'ready'],
      ]);
      await checkIns([
        ['inst-a', '2024-06-02T08:00:00Z', 'missing'],
        ['inst-a', '2024-06-02T10:00:00Z', 'ready'],
      ]);
      expect(
        (await get('/v1/customers/c1/report?asOf=2024-06-02T12:00:00Z'))
          .timeToInstall,
      ).toMatchObject({
        instanceId: 'inst-a',
        instanceSeconds: 2 * H,
        licenseSeconds: 25 * H,
      });
    });

    it('breaks the tie the same way in the time to install stats, whatever the database collation', async () => {
      const { knex, checkIns, get } = await start(databaseId);
      if (databaseId.startsWith('POSTGRES')) {
        // As in a database created with an English locale (the usual one
        // outside the test cluster's C.UTF-8): there 'a1' sorts before 'B1'.
        await knex.raw(
          `alter table instances alter column id type varchar(100) collate "en-US-x-icu"`,
        );
      }
      await checkIns([
        { instanceId: 'a1', at: '2024-06-02T08:00:00Z', appVersion: '1.0.0' },
        ['a1', '2024-06-02T10:00:00Z', 'ready'],
        { instanceId: 'B1', at: '2024-06-02T09:00:00Z', appVersion: '1.1.0' },
        ['B1', '2024-06-02T10:00:00Z', 'ready'],
      ]);
      const asOf = 'asOf=2024-06-02T12:00:00Z';
      const { timeToInstall } = await get(`/v1/customers/c1/report?${asOf}`);
      // 'B' (U+0042) comes before 'a' (U+0061).
      expect(timeToInstall).toMatchObject({
        instanceId: 'B1',
        instanceSeconds: H,
      });
      const stats = await get(
        `/v1/time-to-install/stats?groupBy=appVersion&${asOf}`,
      );
      expect(stats.groups).toEqual([
        {
          key: '1.1.0',
          customers: 1,
          license: { median: 25 * H, p90: 25 * H },
          instance: { median: H, p90: H },
        },
      ]);
    });

    it('skips archived instances and keeps inactive ones as candidates, in the report and the customer list', async () => {
      const { checkIns, get, send } = await start(databaseId);
      await checkIns([
        // Ready long ago, then silent: inactive at asOf.
        ['old', '2024-06-02T08:00:00Z', 'missing'],
        ['old', '2024-06-03T10:00:00Z', 'ready'],
        // Ready earlier but still reporting.
        ['live', '2024-06-02T09:00:00Z', 'ready'],
        ['live', '2024-06-10T11:00:00Z', 'ready'],
        // The latest first ready of all, archived.
        ['gone', '2024-06-04T09:00:00Z', 'ready'],
      ]);
      await send('put', '/v1/instances/gone/archived', { archived: true });
      const asOf = 'asOf=2024-06-10T12:00:00Z';
      const report = await get(`/v1/customers/c1/report?${asOf}`);
      expect(report.instanceCounts).toEqual({
        active: 1,
        airgap: 0,
        inactive: 1,
        archived: 1,
      });
      expect(report.timeToInstall).toMatchObject({
        instanceId: 'old',
        instanceSeconds: 26 * H,
        licenseSeconds: 2 * 24 * H + H,
      });
      const list = await get(`/v1/customers?${asOf}`);
      expect(list.items[0].timeToInstallSeconds).toBe(2 * 24 * H + H);
    });

    it('has no time to install at an asOf before the first ready, and the earlier ready instance between the two', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        ['early', '2024-06-02T09:00:00Z', 'missing'],
        ['early', '2024-06-02T10:00:00Z', 'ready'],
        ['late', '2024-06-02T09:30:00Z', 'missing'],
        ['late', '2024-06-02T12:00:00Z', 'ready'],
      ]);
      const before = await get(
        '/v1/customers/c1/report?asOf=2024-06-02T09:59:59.999Z',
      );
      expect(before.timeToInstall).toBeNull();
      expect(before.instances.map((i: any) => i.firstReadyAt)).toEqual([
        null,
        null,
      ]);
      expect(
        (await get('/v1/instances/late?asOf=2024-06-02T11:00:00Z')).insights,
      ).toMatchObject({
        instanceTimeToInstallSeconds: null,
        licenseTimeToInstallSeconds: null,
      });
      expect(
        (await get('/v1/customers/c1/report?asOf=2024-06-02T11:00:00Z'))
          .timeToInstall,
      ).toMatchObject({ instanceId: 'early', instanceSeconds: H });
      const list = await get('/v1/customers?asOf=2024-06-02T11:00:00Z');
      expect(list.items[0].timeToInstallSeconds).toBe(25 * H);
      expect(
        (await get('/v1/customers/c1/report?asOf=2024-06-02T12:00:00Z'))
          .timeToInstall,
      ).toMatchObject({ instanceId: 'late', instanceSeconds: 2.5 * H });
    });
  },
);
