import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { startTimelineBackend } from '../__testUtils__/timelineBackend';

jest.setTimeout(120_000);

/*
 * Instance events (domain spec §1) and versions (§6) through the HTTP API:
 * late check-ins give the events of in-order delivery, and the version
 * shown, versions behind and version age follow the last check-in and
 * the releases promoted by asOf on the instance's own channel.
 */
const databases = TestDatabases.create();
const DAY = 86_400;

async function start(databaseId: TestDatabaseId) {
  return startTimelineBackend(
    await databases.init(databaseId),
    '2024-06-01T09:00:00Z',
  );
}

type Event = {
  at: string;
  field: string;
  value: unknown;
  previousValue: unknown;
};
/** Events oldest first, those of one time by field. */
const oldestFirst = (body: { items: Event[] }) =>
  body.items
    .map(e => [e.at.slice(11, 16), e.field, e.value, e.previousValue])
    .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`, 'en'));

const APP = {
  name: 'Test App',
  channels: [
    {
      slug: 'stable',
      name: 'Stable',
      releases: [
        {
          sequence: 1,
          versionLabel: '1.0.0',
          promotedAt: '2024-05-01T00:00:00Z',
        },
        {
          sequence: 2,
          versionLabel: '1.1.0',
          promotedAt: '2024-06-01T00:00:00Z',
        },
        {
          sequence: 3,
          versionLabel: '1.2.0',
          promotedAt: '2024-06-15T12:00:00Z',
        },
        {
          sequence: 4,
          versionLabel: '1.3.0',
          promotedAt: '2024-07-01T00:00:00Z',
        },
      ],
    },
    {
      slug: 'beta',
      name: 'Beta',
      releases: [
        {
          sequence: 1,
          versionLabel: '2.0.0-b1',
          promotedAt: '2024-06-10T00:00:00Z',
        },
        {
          sequence: 2,
          versionLabel: '2.0.0-b2',
          promotedAt: '2024-06-20T00:00:00Z',
        },
      ],
    },
  ],
};

describe.each(databases.eachSupportedId())(
  'events and versions scenarios on %p',
  databaseId => {
    it('gives the events of in-order delivery when a late check-in falls between two others', async () => {
      const { checkIns, get } = await start(databaseId);
      const region = (at: string, cloudRegion: string) => ({
        instanceId: 'e1',
        at: `2024-07-01T${at}:00Z`,
        cloudRegion,
      });
      await checkIns([region('10:00', 'us-east'), region('10:10', 'us-east')]);
      const asOf = 'asOf=2024-07-01T12:00:00Z';
      expect(oldestFirst(await get(`/v1/instances/e1/events?${asOf}`))).toEqual(
        [['10:00', 'cloudRegion', 'us-east', null]],
      );
      // A different value between them: two more events.
      await checkIns([region('10:05', 'us-west')]);
      expect(oldestFirst(await get(`/v1/instances/e1/events?${asOf}`))).toEqual(
        [
          ['10:00', 'cloudRegion', 'us-east', null],
          ['10:05', 'cloudRegion', 'us-west', 'us-east'],
          ['10:10', 'cloudRegion', 'us-east', 'us-west'],
        ],
      );
      // The same value as the one before it: nothing more.
      await checkIns([region('10:07', 'us-west')]);
      // Earlier than all: the first value moves there.
      await checkIns([region('09:00', 'us-west')]);
      expect(oldestFirst(await get(`/v1/instances/e1/events?${asOf}`))).toEqual(
        [
          ['09:00', 'cloudRegion', 'us-west', null],
          ['10:00', 'cloudRegion', 'us-east', 'us-west'],
          ['10:05', 'cloudRegion', 'us-west', 'us-east'],
          ['10:10', 'cloudRegion', 'us-east', 'us-west'],
        ],
      );
      // The instance's current state is that of its latest check-in.
      expect(
        (await get(`/v1/customers/c1/report?${asOf}`)).instances[0],
      ).toMatchObject({
        cloudRegion: 'us-east',
        firstSeenAt: '2024-07-01T09:00:00.000Z',
        lastCheckInAt: '2024-07-01T10:10:00.000Z',
      });
    });

    it('makes exactly the 4 events of worked example 4 whatever the order of arrival', async () => {
      const { checkIns, get } = await start(databaseId);
      const at = (time: string, users: number, cloudRegion: string) => ({
        instanceId: 'e4',
        at: `2024-07-01T${time}:00Z`,
        customMetrics: { users },
        cloudRegion,
      });
      await checkIns([at('10:10', 150, 'us-west')]);
      await checkIns([at('10:00', 100, 'us-east')]);
      await checkIns([at('10:05', 100, 'us-west')]);
      // A replay and an identical check-in change nothing.
      await checkIns([
        at('10:05', 100, 'us-west'),
        at('10:15', 150, 'us-west'),
      ]);
      const events = await get(
        '/v1/instances/e4/events?asOf=2024-07-01T12:00:00Z',
      );
      expect(oldestFirst(events)).toEqual([
        ['10:00', 'cloudRegion', 'us-east', null],
        ['10:00', 'metric:users', 100, null],
        ['10:05', 'cloudRegion', 'us-west', 'us-east'],
        ['10:10', 'metric:users', 150, 100],
      ]);
      const metrics = await get(
        '/v1/instances/e4/events?category=custom-metrics&limit=1&asOf=2024-07-01T12:00:00Z',
      );
      expect(metrics.items).toHaveLength(1);
      const next = await get(
        `/v1/instances/e4/events?category=custom-metrics&limit=1&cursor=${metrics.nextCursor}&asOf=2024-07-01T12:00:00Z`,
      );
      expect(oldestFirst(next)).toEqual([['10:00', 'metric:users', 100, null]]);
      expect(next.nextCursor).toBeNull();
    });

    it('shows the version of the last check-in, its sequence when it has no label, also for a late one', async () => {
      const { checkIns, get, send } = await start(databaseId);
      await send('put', '/v1/apps/test-app', APP);
      await checkIns([
        {
          instanceId: 'v1',
          at: '2024-06-20T10:00:00Z',
          appVersion: '1.1.0',
          releaseSequence: 2,
        },
        { instanceId: 'v1', at: '2024-06-20T12:00:00Z', releaseSequence: 3 },
      ]);
      const report = (asOf: string) =>
        get(`/v1/customers/c1/report?asOf=${asOf}`);
      expect((await report('2024-06-20T13:00:00Z')).instances[0]).toMatchObject(
        { appVersion: '3', versionsBehind: 0 },
      );
      expect((await report('2024-06-20T11:00:00Z')).instances[0]).toMatchObject(
        { appVersion: '1.1.0', versionsBehind: 1 },
      );
      // Late, between the two: 11:00 runs 1.2.0; 12:00 still sequence 3 alone.
      await checkIns([
        {
          instanceId: 'v1',
          at: '2024-06-20T11:00:00Z',
          appVersion: '1.2.0',
          releaseSequence: 3,
        },
      ]);
      expect((await report('2024-06-20T11:30:00Z')).instances[0]).toMatchObject(
        { appVersion: '1.2.0', versionsBehind: 0 },
      );
      expect((await report('2024-06-20T13:00:00Z')).instances[0]).toMatchObject(
        { appVersion: '3', versionsBehind: 0 },
      );
    });

    it('counts versions behind and version age on the instance channel, with the releases promoted by asOf', async () => {
      const { checkIns, get, send } = await start(databaseId);
      await send('put', '/v1/apps/test-app', APP);
      await checkIns([
        {
          instanceId: 'st',
          at: '2024-06-02T00:00:00Z',
          appVersion: '1.1.0',
          releaseSequence: 2,
          appStatus: 'ready',
        },
        {
          instanceId: 'bt',
          at: '2024-06-12T00:00:00Z',
          channelSlug: 'beta',
          appVersion: '2.0.0-b1',
          releaseSequence: 1,
          appStatus: 'ready',
        },
      ]);
      const insights = async (id: string, asOf: string) =>
        (await get(`/v1/instances/${id}?asOf=${asOf}`)).insights;
      // 1.2.0 (06-15 12:00) is promoted, 1.3.0 (07-01) not yet.
      expect(await insights('st', '2024-06-20T00:00:00Z')).toMatchObject({
        versionsBehind: 1,
        versionAgeSeconds: 19 * DAY,
        relativeVersionAgeDays: 14,
      });
      expect(await insights('st', '2024-07-01T00:00:00Z')).toMatchObject({
        versionsBehind: 2,
        versionAgeSeconds: 30 * DAY,
        relativeVersionAgeDays: 30,
      });
      // Its own channel: sequence 1 of beta, not of stable.
      expect(await insights('bt', '2024-06-25T00:00:00Z')).toMatchObject({
        versionsBehind: 1,
        versionAgeSeconds: 15 * DAY,
        relativeVersionAgeDays: 10,
      });
      const rows = (
        await get(
          '/v1/customers/c1/report?asOf=2024-06-12T00:00:00Z&includeInactive=true',
        )
      ).instances.map((i: any) => [i.id, i.appVersion, i.versionsBehind]);
      expect(rows).toEqual([
        ['bt', '2.0.0-b1', 0],
        ['st', '1.1.0', 0],
      ]);
    });
  },
);
