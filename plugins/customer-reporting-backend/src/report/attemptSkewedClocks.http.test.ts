import { TestDatabases } from '@backstage/backend-test-utils';
import { startTimelineBackend } from '../__testUtils__/timelineBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

const at = (time: string) => `2024-07-01T${time}:00.000Z`;
const event =
  (attemptId: string) =>
  (type: string, time: string, extra: Record<string, unknown> = {}) => ({
    attemptId,
    customerId: 'c1',
    type,
    at: at(time),
    installType: 'helm',
    ...extra,
  });

/**
 * The events of one attempt may come from machines whose clocks disagree
 * (docs/metrics.md, Install attempts): a `started` event stamped after
 * the completion gives no duration, and one stamped after another event
 * does not hide the attempt before it.
 */
describe.each(databases.eachSupportedId())(
  'install attempts with skewed clocks on %p',
  databaseId => {
    async function setup() {
      const backend = await startTimelineBackend(
        await databases.init(databaseId),
        '2024-06-01T00:00:00Z',
      );
      const attempts = (events: object[]) =>
        backend.send('post', '/v1/install-attempt-events', { events });
      /** What every read shows of each attempt at `asOf`. */
      const reads = async (asOf: string, filter = '') => {
        const q = `customerId=c1&asOf=${at(asOf)}${filter}`;
        const report = await backend.get(
          `/v1/customers/c1/report?asOf=${at(asOf)}`,
        );
        const list = await backend.get(
          `/v1/install-attempts?sort=duration&order=asc&${q}`,
        );
        const csv = await backend.getText(
          `/v1/exports/install-attempts.csv?${q}`,
        );
        const [header, ...lines] = csv.trim().split('\r\n');
        const columns = header.split(',').map(h => h.replace(/"/g, ''));
        const view = (items: any[]) =>
          Object.fromEntries(
            items.map(a => [a.id, [a.status, a.startedAt, a.durationSeconds]]),
          );
        return {
          report: view(report.installAttempts),
          list: view(list.items),
          ascending: list.items.map((a: { id: string }) => a.id),
          csv: Object.fromEntries(
            lines.map(l => {
              const cell = (name: string) =>
                l.split(',')[columns.indexOf(name)].replace(/"/g, '');
              return [
                cell('attempt_id'),
                [cell('status'), cell('started_at'), cell('duration_seconds')],
              ];
            }),
          ),
          summary: await backend.get(`/v1/install-attempts/summary?${q}`),
          funnel: await backend.get(`/v1/install-attempts/funnel?${q}`),
          groups: (
            await backend.get(`/v1/install-attempts/failure-groups?${q}`)
          ).items.map((g: any) => [g.status, g.step, g.count]),
          trend: (await backend.get(`/v1/install-attempts/trend?${q}`)).weeks
            .filter((w: any) => w.attempts > 0)
            .map((w: any) => [w.weekStart, w.attempts]),
        };
      };
      return { attempts, reads };
    }

    it('gives no duration to an attempt whose started event is stamped after its completion', async () => {
      const { attempts, reads } = await setup();
      const known = event('m-known');
      const skewed = event('z-skewed');
      const failed = event('a-failed');
      await attempts([
        known('started', '10:00'),
        known('completed', '10:40'),
        // 2 min before its own start by the clocks that sent them.
        skewed('step', '10:50', { step: 'registry-login' }),
        skewed('completed', '11:00'),
        skewed('started', '11:02'),
        failed('started', '10:00'),
        failed('failed', '10:20', { reason: 'boom' }),
      ]);
      const got = await reads('12:00');
      const view = {
        'm-known': ['succeeded', at('10:00'), 2400],
        'z-skewed': ['succeeded', at('11:02'), null],
        'a-failed': ['failed', at('10:00'), null],
      };
      expect(got.report).toEqual(view);
      expect(got.list).toEqual(view);
      // Unmeasurable sorts with the unfinished (-1), then by id.
      expect(got.ascending).toEqual(['a-failed', 'z-skewed', 'm-known']);
      expect(got.csv).toEqual({
        'm-known': ['succeeded', at('10:00'), '2400'],
        'z-skewed': ['succeeded', at('11:02'), ''],
        'a-failed': ['failed', at('10:00'), ''],
      });
      expect(got.summary).toMatchObject({
        succeeded: 2,
        medianDurationSeconds: 2400,
        p90DurationSeconds: 2400,
      });
    });

    it('shows an attempt from its earliest event when its started event is stamped later', async () => {
      const { attempts, reads } = await setup();
      const skewed = event('b-skewed');
      await attempts([
        skewed('step', '10:03', { step: 'registry-login' }),
        skewed('started', '12:00'),
        skewed('completed', '12:30'),
      ]);
      expect((await reads('10:02')).list).toEqual({});

      // At 10:04 its step had happened, its start not yet.
      const early = await reads('10:04');
      const inProgress = { 'b-skewed': ['in-progress', at('10:03'), null] };
      expect(early.report).toEqual(inProgress);
      expect(early.list).toEqual(inProgress);
      expect(early.csv).toEqual({
        'b-skewed': ['in-progress', at('10:03'), ''],
      });
      expect(early.summary).toMatchObject({ total: 1, inProgress: 1 });
      expect(early.funnel.installTypes[0].steps).toEqual([
        { step: 'started', reached: 1, stalledHere: 0, failedHere: 0 },
        { step: 'registry-login', reached: 1, stalledHere: 0, failedHere: 0 },
        { step: 'images-pulled', reached: 0, stalledHere: 0, failedHere: 0 },
        { step: 'completed', reached: 0, stalledHere: 0, failedHere: 0 },
      ]);
      expect(early.trend).toEqual([[at('00:00'), 1]]);

      // By 11:30 it had stalled after that step.
      const stalled = await reads('11:30');
      expect(stalled.list).toEqual({
        'b-skewed': ['stalled', at('10:03'), null],
      });
      expect(stalled.groups).toEqual([['stalled', 'registry-login', 1]]);
      expect(stalled.funnel.installTypes[0].steps[1]).toEqual({
        step: 'registry-login',
        reached: 1,
        stalledHere: 1,
        failedHere: 0,
      });
      // `from`/`to` select on the start time as it was then.
      const within = `&from=${at('10:00')}&to=${at('10:10')}`;
      expect((await reads('11:30', within)).summary.total).toBe(1);
      expect((await reads('11:30', `&from=${at('11:00')}`)).list).toEqual({});

      // Once the started event is known, it is the start.
      const done = await reads('12:45');
      expect(done.list).toEqual({
        'b-skewed': ['succeeded', at('12:00'), 1800],
      });
      expect((await reads('12:45', within)).summary.total).toBe(0);
    });
  },
);
