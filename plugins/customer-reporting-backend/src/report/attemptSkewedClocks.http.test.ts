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
  },
);
