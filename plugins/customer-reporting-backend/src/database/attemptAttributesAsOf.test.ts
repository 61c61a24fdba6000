import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestIngest } from '../__testUtils__/fixtures';
import { installAttemptRows } from '../report/exportRows';
import { InstallAttemptFilters } from './installAttemptQuery';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

const at = (time: string) => `2024-07-01T${time}:00Z`;
const attempt =
  (attemptId: string) =>
  (type: string, time: string, extra: Record<string, unknown> = {}) => ({
    attemptId,
    customerId: 'c1',
    type,
    at: at(time),
    ...extra,
  });

/**
 * Two attempts whose attributes arrive with a step, not with the start:
 * before that step the portal showed them without, so a filter on one must
 * not find them. Both completed at 11:00, so any asOf before cuts them.
 */
const helm = attempt('helm');
const linux = attempt('linux');
const EVENTS = [
  helm('started', '10:00', { installType: 'helm' }),
  helm('step', '10:05', {
    step: 'registry-login',
    appVersion: '1.0.0',
    environment: { k8sDistribution: 'eks', os: 'ubuntu' },
    networkMode: 'online',
    registry: 'online',
  }),
  helm('completed', '11:00'),
  linux('started', '10:00'),
  linux('step', '10:10', {
    step: 'assets-downloaded',
    installType: 'linux',
    networkMode: 'airgap',
    appVersion: '1.1.0',
  }),
  linux('completed', '11:00'),
];

/** Each filter, the attempts it finds once reported, and when that was. */
const CASES: [InstallAttemptFilters, string[], string][] = [
  [{ appVersion: '1.0.0' }, ['helm'], '10:05'],
  [{ appVersion: '1.1.0' }, ['linux'], '10:10'],
  [{ k8sDistribution: 'eks' }, ['helm'], '10:05'],
  [{ os: 'ubuntu' }, ['helm'], '10:05'],
  [{ networkMode: 'online' }, ['helm'], '10:05'],
  [{ registry: 'online' }, ['helm'], '10:05'],
  // Air gap implies an offline registry, from the moment it is known.
  [{ registry: 'offline' }, ['linux'], '10:10'],
  [{ installType: 'linux' }, ['linux'], '10:10'],
  [{ installType: 'helm' }, ['helm'], '10:00'],
];

describe.each(databases.eachSupportedId())(
  'attempt attributes as of a past moment on %p',
  databaseId => {
    async function setup() {
      const { ingest, stores } = await createTestIngest(
        await databases.init(databaseId),
      );
      await ingest.ingestInstallAttemptEvents({ events: EVENTS });
      const query = (filters: InstallAttemptFilters, time: string) => ({
        filters,
        asOf: Date.parse(at(time)),
        stalledAfterMs: 3600_000,
      });
      return { ingest, stores, query };
    }

    it('filters the list, its total, the CSV export and the audit on what was reported by asOf', async () => {
      const { stores, query } = await setup();
      const read = async (filters: InstallAttemptFilters, time: string) => {
        const { asOf, stalledAfterMs } = query(filters, time);
        const list = await stores.installAttempts.listAttempts(filters, {
          asOf,
          stalledAfterMs,
          limit: 10,
          sort: 'startedAt',
          order: 'desc',
        });
        const csv: unknown[][] = [];
        for await (const rows of installAttemptRows(
          stores,
          filters,
          asOf,
          stalledAfterMs,
          'all',
        ))
          csv.push(...rows);
        const summary = await stores.installAudit.summary(query(filters, time));
        const trend = await stores.installAudit.trend(query(filters, time));
        return {
          list: list.rows.map(r => r.id).sort(),
          totalCount: list.totalCount,
          csv: csv.map(r => r[0]).sort(),
          summary: summary.total,
          trend: trend.weeks.reduce(
            (n: number, w: { attempts: number }) => n + w.attempts,
            0,
          ),
        };
      };
      const found = (ids: string[]) => ({
        list: ids,
        totalCount: ids.length,
        csv: ids,
        summary: ids.length,
        trend: ids.length,
      });
      for (const [filters, ids, known] of CASES) {
        const before = new Date(Date.parse(at(known)) - 60_000)
          .toISOString()
          .slice(11, 16);
        expect({ filters, ...(await read(filters, before)) }).toEqual({
          filters,
          ...found([]),
        });
        expect({ filters, ...(await read(filters, known)) }).toEqual({
          filters,
          ...found(ids),
        });
      }
    });

    it('sorts by the install type reported by asOf', async () => {
      const { stores, query } = await setup();
      const sorted = async (time: string) =>
        (
          await stores.installAttempts.listAttempts(
            {},
            {
              ...query({}, time),
              limit: 10,
              sort: 'installType',
              order: 'asc',
            },
          )
        ).rows.map(r => [r.id, r.install_type]);
      expect(await sorted('10:09')).toEqual([
        ['linux', null],
        ['helm', 'helm'],
      ]);
      expect(await sorted('10:10')).toEqual([
        ['helm', 'helm'],
        ['linux', 'linux'],
      ]);
    });

    it('leaves an attempt out of the funnel until its install type is known', async () => {
      const { stores, query } = await setup();
      const types = async (time: string) =>
        (await stores.installAudit.funnel(query({}, time))).installTypes.map(
          t => [t.installType, t.steps[0].reached],
        );
      expect(await types('10:09')).toEqual([['helm', 1]]);
      expect(await types('10:10')).toEqual([
        ['helm', 1],
        ['linux', 1],
      ]);
    });

    it('groups a stalled attempt under a filter only once the attribute was reported', async () => {
      const { ingest, stores, query } = await setup();
      // Stalled from 11:00 (started 10:00, nothing since) to its step at 11:30.
      const late = attempt('late');
      await ingest.ingestInstallAttemptEvents({
        events: [
          late('started', '10:00', { installType: 'helm' }),
          late('step', '11:30', {
            step: 'registry-login',
            appVersion: '2.0.0',
          }),
          late('failed', '13:00', { reason: 'boom' }),
        ],
      });
      const groups = async (time: string) =>
        (
          await stores.installAudit.failureGroups(
            query({ appVersion: '2.0.0' }, time),
          )
        ).items.map(g => [g.status, g.step, g.count]);
      expect(await groups('11:20')).toEqual([]);
      expect(await groups('12:40')).toEqual([['stalled', 'registry-login', 1]]);
    });
  },
);
