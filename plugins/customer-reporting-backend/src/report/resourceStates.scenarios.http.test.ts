import request from 'supertest';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { API_BASE, SERVICE_AUTH } from '../__testUtils__/testBackend';
import { startTimelineBackend } from '../__testUtils__/timelineBackend';

jest.setTimeout(120_000);

/*
 * Per-resource states (domain spec §1, §2) through the HTTP API: the list
 * is one field, so the same resources in another order make no event, and
 * one resource changing makes one `resourceStates` event even when the
 * rollup (appStatus) stays the same; late check-ins give the events of
 * in-order delivery.
 */
const databases = TestDatabases.create();

async function start(databaseId: TestDatabaseId) {
  return startTimelineBackend(
    await databases.init(databaseId),
    '2024-06-01T09:00:00Z',
  );
}

type Resource = [kind: string, namespace: string, name: string, state: string];
const resources = (...list: Resource[]) =>
  list.map(([kind, namespace, name, state]) => ({
    kind,
    namespace,
    name,
    state,
  }));

const API = ['Deployment', 'app', 'api', 'ready'] as Resource;
const WEB = ['Deployment', 'app', 'web', 'ready'] as Resource;
const DB = ['StatefulSet', 'app', 'db', 'degraded'] as Resource;
const DATA = ['PersistentVolumeClaim', 'app', 'data', 'ready'] as Resource;

/** Check-ins of one instance reporting resources, `[time, resources]`. */
const reports = (instanceId: string, items: [string, Resource[]][]) =>
  items.map(([time, list]) => ({
    instanceId,
    at: `2024-07-01T${time}:00Z`,
    resourceStates: resources(...list),
  }));

type Event = { at: string; field: string; value: unknown };
/** Events oldest first as `[time, field]`, those of one time by field. */
const eventTimes = (body: { items: Event[] }) =>
  body.items
    .map(e => [e.at.slice(11, 16), e.field])
    .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`, 'en'));

const ASOF = 'asOf=2024-07-01T23:00:00Z';

describe.each(databases.eachSupportedId())(
  'resource states scenarios on %p',
  databaseId => {
    it('makes no event for the same resources in another order and case', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns(
        reports('r1', [
          ['10:00', [API, DB, DATA]],
          ['10:05', [DATA, API, DB]],
          [
            '10:10',
            [
              [' Deployment ', 'app', 'api', 'READY'],
              ['StatefulSet', 'app', 'db', 'Degraded'],
              DATA,
            ],
          ],
        ]),
      );
      const events = await get(`/v1/instances/r1/events?${ASOF}`);
      expect(eventTimes(events)).toEqual([
        ['10:00', 'appStatus'],
        ['10:00', 'resourceStates'],
      ]);
      // Stored sorted by kind, namespace and name, states lowercase.
      const list = events.items.find(
        (e: Event) => e.field === 'resourceStates',
      );
      expect(list).toMatchObject({
        label: 'Resource states',
        category: 'status',
        previousValue: null,
        value: resources(API, DATA, DB),
      });
    });

    it('makes one resourceStates event and no appStatus event when one resource changes but not the rollup', async () => {
      const { checkIns, get } = await start(databaseId);
      const webDegraded: Resource = ['Deployment', 'app', 'web', 'degraded'];
      await checkIns(
        reports('r2', [
          ['10:00', [API, WEB, DB]],
          // web degrades while db already is: the app stays degraded.
          ['11:00', [API, webDegraded, DB]],
          // A resource added, another removed: one event for both.
          ['12:00', [API, webDegraded, DATA]],
        ]),
      );
      // A check-in without resources keeps the list as it was.
      await checkIns([
        { instanceId: 'r2', at: '2024-07-01T13:00:00Z', cloudRegion: 'eu' },
      ]);
      expect(eventTimes(await get(`/v1/instances/r2/events?${ASOF}`))).toEqual([
        ['10:00', 'appStatus'],
        ['10:00', 'resourceStates'],
        ['11:00', 'resourceStates'],
        ['12:00', 'resourceStates'],
        ['13:00', 'cloudRegion'],
      ]);
      const status = await get(
        `/v1/instances/r2/events?category=status&limit=1&${ASOF}`,
      );
      expect(status.items[0]).toMatchObject({
        field: 'resourceStates',
        value: resources(API, webDegraded, DATA),
        previousValue: resources(API, webDegraded, DB),
      });
    });

    it('gives the events of in-order delivery whatever the order the check-ins arrive in', async () => {
      const { checkIns, get } = await start(databaseId);
      const apiDown: Resource = ['Deployment', 'app', 'api', 'unavailable'];
      const timeline: [string, Resource[]][] = [
        ['10:00', [API, WEB]],
        ['10:10', [WEB, API]],
        ['10:20', [apiDown, WEB]],
        ['10:30', [API, WEB, DATA]],
        ['10:40', [API, WEB, DATA]],
      ];
      await checkIns(reports('inorder', timeline));
      for (const i of [4, 0, 2, 3, 1])
        await checkIns(reports('late', [timeline[i]]));
      const inOrder = await get(`/v1/instances/inorder/events?${ASOF}`);
      const late = await get(`/v1/instances/late/events?${ASOF}`);
      expect(eventTimes(inOrder)).toEqual([
        ['10:00', 'appStatus'],
        ['10:00', 'resourceStates'],
        ['10:20', 'appStatus'],
        ['10:20', 'resourceStates'],
        ['10:30', 'appStatus'],
        ['10:30', 'resourceStates'],
      ]);
      expect(late.items).toEqual(inOrder.items);
    });

    it('shows the resources as of asOf, least available first, the same whatever the order of arrival', async () => {
      const { checkIns, get } = await start(databaseId);
      const apiDown: Resource = ['Deployment', 'app', 'api', 'unavailable'];
      const timeline = reports('d1', [
        ['10:00', [WEB, DB, API, DATA]],
        ['12:00', [WEB, apiDown, DATA]],
      ]);
      // The later check-in first: the earlier one is replayed before it.
      await checkIns([timeline[1]]);
      await checkIns([timeline[0]]);
      await checkIns([{ instanceId: 'd1', at: '2024-07-01T13:00:00Z' }]);
      const resourcesAt = async (time: string) =>
        (await get(`/v1/instances/d1?asOf=2024-07-01T${time}:00Z`)).resources;
      // Between the two changes: db degraded first, then the ready ones.
      expect(await resourcesAt('11:00')).toEqual(resources(DB, API, WEB, DATA));
      // A check-in without resources keeps the list of the one before.
      expect(await resourcesAt('13:30')).toEqual(resources(apiDown, WEB, DATA));
      const events = await get(`/v1/instances/d1/events?${ASOF}`);
      const changed = events.items.find(
        (e: Event) => e.field === 'resourceStates' && e.at.includes('T12'),
      );
      expect(changed.changes).toEqual([
        {
          kind: 'Deployment',
          namespace: 'app',
          name: 'api',
          previousState: 'ready',
          state: 'unavailable',
        },
        {
          kind: 'StatefulSet',
          namespace: 'app',
          name: 'db',
          previousState: 'degraded',
          state: null,
        },
      ]);
      // An instance that never reported resources has none.
      await checkIns([['plain', '2024-07-01T10:00:00Z', 'ready']]);
      expect((await get(`/v1/instances/plain?${ASOF}`)).resources).toEqual([]);
    });

    it('refuses a resource state that is not an app status, naming it', async () => {
      const { server } = await start(databaseId);
      const res = await request(server)
        .post(`${API_BASE}/v1/check-ins`)
        .set('Authorization', SERVICE_AUTH)
        .send({
          checkIns: [
            {
              instanceId: 'bad',
              customerId: 'c1',
              resourceStates: resources(API, ['Service', 'app', 'api', 'up']),
            },
          ],
        });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('resourceStates.1.state');
    });
  },
);
