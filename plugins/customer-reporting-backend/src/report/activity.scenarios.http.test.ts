import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { startTimelineBackend } from '../__testUtils__/timelineBackend';

jest.setTimeout(120_000);

/*
 * Active, inactive, air gap and archived (domain spec §3) through the HTTP
 * API: the report's rows and header counts and the customer list must tell
 * the same story at any asOf.
 */
const databases = TestDatabases.create();

async function start(databaseId: TestDatabaseId) {
  return startTimelineBackend(
    await databases.init(databaseId),
    '2024-06-01T09:00:00Z',
  );
}

const ids = (report: { instances: { id: string }[] }) =>
  report.instances.map(i => i.id);

describe.each(databases.eachSupportedId())(
  'activity scenarios on %p',
  databaseId => {
    it('never makes an air gap instance inactive, and judges the air gap mode as last reported by asOf', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        {
          instanceId: 'gap',
          at: '2024-06-02T10:00:00Z',
          airgap: true,
          appStatus: 'ready',
        },
        // The same installation goes online, then stops reporting.
        {
          instanceId: 'gap',
          at: '2024-06-10T10:00:00Z',
          airgap: false,
          appStatus: 'ready',
        },
      ]);
      const at = async (asOf: string) => {
        const report = await get(`/v1/customers/c1/report?asOf=${asOf}`);
        const [summary] = (await get(`/v1/customers?asOf=${asOf}`)).items;
        return {
          counts: report.instanceCounts,
          active: report.customer.active,
          rows: report.instances.map((i: any) => [i.id, i.active, i.airgap]),
          list: [
            summary.active,
            summary.activeInstances,
            summary.airgapInstances,
          ],
        };
      };
      // Weeks after its last report while air gap: still counted, apart.
      expect(await at('2024-06-09T10:00:00Z')).toEqual({
        counts: { active: 0, airgap: 1, inactive: 0, archived: 0 },
        active: true,
        rows: [['gap', true, true]],
        list: [true, 0, 1],
      });
      // Online now, and exactly 24 h after its last check-in: active.
      expect(await at('2024-06-11T10:00:00Z')).toEqual({
        counts: { active: 1, airgap: 0, inactive: 0, archived: 0 },
        active: true,
        rows: [['gap', true, false]],
        list: [true, 1, 0],
      });
      // One millisecond later: inactive, hidden by default.
      expect(await at('2024-06-11T10:00:00.001Z')).toEqual({
        counts: { active: 0, airgap: 0, inactive: 1, archived: 0 },
        active: false,
        rows: [],
        list: [false, 0, 0],
      });
      const active = await get(
        '/v1/customers?active=true&asOf=2024-06-11T10:00:00.001Z',
      );
      expect(active.totalCount).toBe(0);
      const inactive = await get(
        '/v1/customers?active=false&asOf=2024-06-11T10:00:00.001Z',
      );
      expect(inactive.items.map((c: { id: string }) => c.id)).toEqual(['c1']);
    });

    it('hides archived instances, an archived air gap one too, until asked, and counts each instance once', async () => {
      const { checkIns, get, send } = await start(databaseId);
      await checkIns([
        { instanceId: 'ag', at: '2024-06-02T10:00:00Z', airgap: true },
        ['idle', '2024-06-02T10:00:00Z', 'ready'],
        ['idle-archived', '2024-06-02T10:00:00Z', 'ready'],
        ['live', '2024-06-20T10:00:00Z', 'degraded'],
      ]);
      await send('put', '/v1/instances/ag/archived', { archived: true });
      await send('put', '/v1/instances/idle-archived/archived', {
        archived: true,
      });
      const asOf = 'asOf=2024-06-20T12:00:00Z';
      const report = (query = '') =>
        get(`/v1/customers/c1/report?${asOf}${query}`);
      const byDefault = await report();
      expect(byDefault.instanceCounts).toEqual({
        active: 1,
        airgap: 0,
        inactive: 1,
        archived: 2,
      });
      expect(ids(byDefault)).toEqual(['live']);
      expect(ids(await report('&includeInactive=true'))).toEqual([
        'idle',
        'live',
      ]);
      expect(ids(await report('&includeArchived=true'))).toEqual([
        'ag',
        'idle-archived',
        'live',
      ]);
      expect(
        ids(await report('&includeInactive=true&includeArchived=true')),
      ).toEqual(['ag', 'idle', 'idle-archived', 'live']);
      const [summary] = (await get(`/v1/customers?${asOf}`)).items;
      expect(summary).toMatchObject({
        active: true,
        activeInstances: 1,
        airgapInstances: 0,
        status: 'degraded',
        statusCounts: { degraded: 1, ready: 0 },
      });

      // Without its one active online instance the customer is not active:
      // the archived air gap instance does not count.
      const later = '2024-06-21T10:00:00.001Z';
      expect(
        (await get(`/v1/customers/c1/report?asOf=${later}`)).customer.active,
      ).toBe(false);
      expect((await get(`/v1/customers?asOf=${later}`)).items[0]).toMatchObject(
        { active: false, activeInstances: 0, airgapInstances: 0, status: null },
      );
    });

    it('leaves out instances first seen after asOf, from the rows, the counts and the list', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        ['first', '2024-06-02T10:00:00Z', 'ready'],
        ['second', '2024-06-05T10:00:00Z', 'missing'],
      ]);
      const asOf = 'asOf=2024-06-03T09:00:00Z';
      const report = await get(
        `/v1/customers/c1/report?${asOf}&includeInactive=true`,
      );
      expect(ids(report)).toEqual(['first']);
      expect(report.instanceCounts).toEqual({
        active: 1,
        airgap: 0,
        inactive: 0,
        archived: 0,
      });
      const [summary] = (await get(`/v1/customers?${asOf}`)).items;
      expect(summary).toMatchObject({
        activeInstances: 1,
        status: 'ready',
        lastActiveAt: '2024-06-02T10:00:00.000Z',
      });
    });
  },
);
