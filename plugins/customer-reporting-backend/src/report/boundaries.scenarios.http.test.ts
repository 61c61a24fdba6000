import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { startTimelineBackend } from '../__testUtils__/timelineBackend';

jest.setTimeout(120_000);

/*
 * Boundaries of the domain definitions the other scenarios leave out,
 * through the HTTP API: instances that never reported a status, equal
 * timestamps, activity judged between two check-ins when a late one
 * arrives, and install attempts whose outcomes come in an unusual order.
 * Each number is worked out from the definitions, not from the code.
 */
const databases = TestDatabases.create();

async function start(databaseId: TestDatabaseId) {
  return startTimelineBackend(
    await databases.init(databaseId),
    '2024-06-01T09:00:00Z',
  );
}

describe.each(databases.eachSupportedId())(
  'boundary scenarios on %p',
  databaseId => {
    it('shows an instance that never reported a status as active, with no status, no uptime and no time to install', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        { instanceId: 'quiet', at: '2024-06-02T10:00:00Z', k8sVersion: '1.29' },
        { instanceId: 'quiet', at: '2024-06-02T20:00:00Z', k8sVersion: '1.30' },
      ]);
      const asOf = 'asOf=2024-06-03T10:00:00Z';
      const report = await get(`/v1/customers/c1/report?${asOf}`);
      expect(report.customer.active).toBe(true);
      expect(report.instanceCounts).toEqual({
        active: 1,
        airgap: 0,
        inactive: 0,
        archived: 0,
      });
      expect(report.timeToInstall).toBeNull();
      const [row] = report.instances;
      expect(row).toMatchObject({
        status: null,
        active: true,
        k8sVersion: '1.30',
        firstReadyAt: null,
      });
      expect(row.uptime.ratio).toBeNull();
      for (const day of row.uptime.days)
        expect(day).toMatchObject({ up: 0, degraded: 0, down: 0, noData: 1 });
      const [summary] = (await get(`/v1/customers?${asOf}`)).items;
      expect(summary).toMatchObject({
        active: true,
        activeInstances: 1,
        status: null,
        timeToInstallSeconds: null,
      });
      expect((await get(`/v1/customers?status=none&${asOf}`)).totalCount).toBe(
        1,
      );
      const details = await get(`/v1/instances/quiet?${asOf}`);
      expect(details.insights).toMatchObject({
        uptimeRatio: null,
        instanceTimeToInstallSeconds: null,
        licenseTimeToInstallSeconds: null,
      });
      const graph = await get(`/v1/instances/quiet/uptime?range=2d&${asOf}`);
      expect(graph.ratio).toBeNull();
    });

    it('starts the uptime at a late first status between check-ins without one', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        { instanceId: 's', at: '2024-06-02T10:00:00Z', k8sVersion: '1.29' },
        { instanceId: 's', at: '2024-06-02T12:00:00Z', k8sVersion: '1.29' },
      ]);
      await checkIns([['s', '2024-06-02T11:00:00Z', 'degraded']]);
      const asOf = 'asOf=2024-06-02T14:00:00Z';
      const report = await get(`/v1/customers/c1/report?${asOf}`);
      const [row] = report.instances;
      expect(row.status).toBe('degraded');
      // 10:00-11:00 no data; 11:00-14:00 degraded, of 14 h elapsed today.
      expect(row.uptime.days[13].degraded).toBeCloseTo(3 / 14, 9);
      expect(row.uptime.days[13].noData).toBeCloseTo(11 / 14, 9);
      expect(row.uptime.ratio).toBe(1);
    });

    it('takes a second check-in of the same instance and time as a duplicate, whatever it says', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([['d', '2024-06-02T10:00:00Z', 'ready']]);
      const again = await checkIns([['d', '2024-06-02T10:00:00Z', 'missing']]);
      expect(again.body).toEqual({ accepted: 0, duplicates: 1 });
      const report = await get(
        '/v1/customers/c1/report?asOf=2024-06-02T11:00:00Z',
      );
      expect(report.instances[0]).toMatchObject({
        status: 'ready',
        firstReadyAt: '2024-06-02T10:00:00.000Z',
      });
      const events = await get('/v1/instances/d/events?category=status');
      expect(events.items).toHaveLength(1);
    });

    it('judges activity between two check-ins, also once a late one between them arrives', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        ['a', '2024-06-02T10:00:00Z', 'ready'],
        ['a', '2024-06-05T10:00:00Z', 'ready'],
      ]);
      const at = async (asOf: string) => {
        const report = await get(`/v1/customers/c1/report?asOf=${asOf}`);
        const [summary] = (await get(`/v1/customers?asOf=${asOf}`)).items;
        return [
          report.instanceCounts.active,
          report.instanceCounts.inactive,
          report.customer.active,
          summary.active,
          summary.activeInstances,
          summary.lastActiveAt,
        ];
      };
      expect(await at('2024-06-03T10:00:00Z')).toEqual([
        1,
        0,
        true,
        true,
        1,
        '2024-06-02T10:00:00.000Z',
      ]);
      expect(await at('2024-06-03T10:00:00.001Z')).toEqual([
        0,
        1,
        false,
        false,
        0,
        '2024-06-02T10:00:00.000Z',
      ]);
      await checkIns([['a', '2024-06-03T09:00:00Z']]);
      expect(await at('2024-06-03T10:00:00.001Z')).toEqual([
        1,
        0,
        true,
        true,
        1,
        '2024-06-03T09:00:00.000Z',
      ]);
      expect(await at('2024-06-04T09:00:00.001Z')).toEqual([
        0,
        1,
        false,
        false,
        0,
        '2024-06-03T09:00:00.000Z',
      ]);
    });

    it('judges install attempts whose outcomes come in an unusual order', async () => {
      const backend = await start(databaseId);
      const t = (time: string) => `2024-07-01T${time}:00.000Z`;
      const ev = (
        attemptId: string,
        type: string,
        time: string,
        extra: Record<string, unknown> = {},
      ) => ({
        attemptId,
        customerId: 'c1',
        type,
        at: t(time),
        installType: 'helm',
        ...extra,
      });
      await backend.send('post', '/v1/install-attempt-events', {
        events: [
          ev('ok-then-fail', 'started', '10:00'),
          ev('ok-then-fail', 'completed', '10:30'),
          ev('ok-then-fail', 'failed', '10:40', {
            step: 'images-pulled',
            reason: 'late noise',
          }),
          ev('fail-then-ok', 'started', '10:00'),
          ev('fail-then-ok', 'failed', '10:10', {
            step: 'registry-login',
            reason: 'denied',
          }),
          ev('fail-then-ok', 'completed', '10:50'),
          ev('orphan', 'step', '10:00', { step: 'registry-login' }),
          ev('disc-fail', 'started', '10:00'),
          ev('disc-fail', 'discarded', '10:05'),
          ev('disc-fail', 'failed', '10:06', { reason: 'gave up' }),
          ev('repeat', 'started', '10:00'),
          ev('repeat', 'step', '10:10', { step: 'registry-login' }),
          ev('repeat', 'step', '10:30', { step: 'registry-login' }),
        ],
      });
      const view = async (time: string) => {
        const report = await backend.get(
          `/v1/customers/c1/report?asOf=${t(time)}`,
        );
        return Object.fromEntries(
          report.installAttempts.map((a: any) => [
            a.id,
            [a.status, a.durationSeconds, a.failedStep, a.reason],
          ]),
        );
      };
      expect(await view('10:20')).toEqual({
        'ok-then-fail': ['in-progress', null, null, null],
        'fail-then-ok': ['failed', null, 'registry-login', 'denied'],
        orphan: ['in-progress', null, null, null],
        // A failure wins over the discard before it.
        'disc-fail': ['failed', null, 'started', 'gave up'],
        repeat: ['in-progress', null, null, null],
      });
      expect(await view('10:59')).toMatchObject({
        orphan: ['in-progress', null, null, null],
      });
      expect(await view('11:00')).toMatchObject({
        orphan: ['stalled', null, null, null],
      });
      expect(await view('11:29')).toMatchObject({
        repeat: ['in-progress', null, null, null],
      });
      expect(await view('12:00')).toEqual({
        'ok-then-fail': ['succeeded', 30 * 60, null, null],
        'fail-then-ok': ['succeeded', 50 * 60, null, null],
        orphan: ['stalled', null, null, null],
        'disc-fail': ['failed', null, 'started', 'gave up'],
        repeat: ['stalled', null, null, null],
      });
      const summary = await backend.get(
        `/v1/install-attempts/summary?asOf=${t('12:00')}`,
      );
      expect(summary).toEqual({
        total: 5,
        succeeded: 2,
        failed: 1,
        stalled: 2,
        inProgress: 0,
        discarded: 0,
        successRate: 2 / 5,
        medianDurationSeconds: 40 * 60,
        p90DurationSeconds: 48 * 60,
      });
      const early = await backend.get(
        `/v1/install-attempts/summary?asOf=${t('10:20')}`,
      );
      expect(early).toMatchObject({
        total: 5,
        failed: 2,
        discarded: 0,
        inProgress: 3,
        successRate: 0,
      });
      const list = await backend.get(
        `/v1/install-attempts?status=stalled&asOf=${t('11:00')}`,
      );
      expect(list.items.map((a: { id: string }) => a.id)).toEqual(['orphan']);
    });

    it('counts a repeated step in the stalled rule of an attempt cut short by asOf, in the report as in the list', async () => {
      const backend = await start(databaseId);
      const t = (time: string) => `2024-07-01T${time}:00.000Z`;
      const ev = (type: string, time: string, step?: string) => ({
        attemptId: 'repeat-late',
        customerId: 'c1',
        type,
        at: t(time),
        installType: 'helm',
        ...(step ? { step } : {}),
      });
      await backend.send('post', '/v1/install-attempt-events', {
        events: [
          ev('started', '10:00'),
          ev('step', '10:10', 'registry-login'),
          ev('step', '10:30', 'registry-login'),
          ev('completed', '12:30'),
        ],
      });
      // 50 min after the repeated step, 70 min after the first one.
      const asOf = `asOf=${t('11:20')}`;
      const report = await backend.get(`/v1/customers/c1/report?${asOf}`);
      const list = await backend.get(`/v1/install-attempts?${asOf}`);
      expect(report.installAttempts[0].status).toBe('in-progress');
      expect(list.items[0].status).toBe('in-progress');
    });

    it('observes a gap just under 24 h whole, and leaves out just what passes 24 h', async () => {
      const { checkIns, get } = await start(databaseId);
      await checkIns([
        ['g', '2024-06-10T00:00:00Z', 'ready'],
        // 23 h 59 min later: no gap.
        ['g', '2024-06-10T23:59:00Z'],
        // 24 h 1 min 1 s later: 1 min 1 s of no data, 23:59:00 to 00:00:01.
        ['g', '2024-06-12T00:00:01Z', 'unavailable'],
      ]);
      const report = await get(
        '/v1/customers/c1/report?asOf=2024-06-12T12:00:00Z&includeInactive=true',
      );
      const { days, ratio } = report.instances[0].uptime;
      const day = 86_400;
      expect(days[11]).toMatchObject({ up: 1, noData: 0 });
      expect(days[12].up).toBeCloseTo((day - 60) / day, 9);
      expect(days[12].noData).toBeCloseTo(60 / day, 9);
      expect(days[13].noData).toBeCloseTo(1 / (day / 2), 9);
      expect(days[13].down).toBeCloseTo((day / 2 - 1) / (day / 2), 9);
      const up = 2 * day - 60;
      expect(ratio).toBeCloseTo(up / (up + day / 2 - 1), 9);
    });
  },
);
