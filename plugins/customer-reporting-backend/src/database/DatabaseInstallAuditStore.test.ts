import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { setupAuditFleet } from '../__testUtils__/installAuditFleet';
import { testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

/** SQLite's query plan (EXPLAIN QUERY PLAN details) of each statement `run` sends. */
async function queryPlans(knex: Knex, run: () => Promise<unknown>) {
  const statements: { sql: string; bindings: unknown[] }[] = [];
  const record = (q: { sql: string; bindings: unknown[] }) =>
    statements.push(q);
  knex.on('query', record);
  await run();
  knex.off('query', record);
  const plans: string[][] = [];
  for (const { sql, bindings } of statements) {
    const rows = await knex.raw(`explain query plan ${sql}`, bindings as any[]);
    plans.push(rows.map((r: { detail: string }) => r.detail));
  }
  return plans;
}

describe.each(databases.eachSupportedId())(
  'install audit on %p',
  databaseId => {
    it('summarises counts, success rate and duration percentiles', async () => {
      const { stores, query } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      expect(await stores.installAudit.summary(query())).toEqual({
        total: 8,
        succeeded: 3,
        failed: 2,
        stalled: 1,
        inProgress: 1,
        discarded: 1,
        successRate: 3 / 7,
        medianDurationSeconds: 2400,
        p90DurationSeconds: 3360,
      });
      expect(
        await stores.installAudit.summary(query({ installType: 'linux' })),
      ).toMatchObject({ total: 3, succeeded: 1, successRate: 0.5 });
      expect(
        await stores.installAudit.summary(
          query({ status: ['failed', 'stalled'], customerId: 'c2' }),
        ),
      ).toMatchObject({ total: 2, failed: 2, stalled: 0 });
      expect(
        await stores.installAudit.summary(
          query({
            from: Date.parse('2024-06-24T00:00:00Z'),
            to: Date.parse('2024-06-26T00:00:00Z'),
          }),
        ),
      ).toMatchObject({ total: 2 });
    });

    it('judges an attempt that asOf cuts by its last event up to asOf', async () => {
      const { stores, ingest } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      // Started 10:00, a step at 10:50, completed at 12:00 (2024-04-01).
      const base = { attemptId: 'cut', customerId: 'c2', installType: 'helm' };
      const at = (time: string) => `2024-04-01T${time}:00Z`;
      await ingest.ingestInstallAttemptEvents({
        events: [
          { ...base, type: 'started', at: at('10:00') },
          { ...base, type: 'step', step: 'registry-login', at: at('10:50') },
          { ...base, type: 'completed', at: at('12:00') },
        ],
      });
      const asOf = (time: string) => ({
        filters: { customerId: 'c2' },
        asOf: Date.parse(at(time)),
        stalledAfterMs: 3600_000,
      });
      // 30 min after the step: in progress, nothing decided yet.
      expect(await stores.installAudit.summary(asOf('11:20'))).toMatchObject({
        total: 1,
        inProgress: 1,
        stalled: 0,
        successRate: null,
      });
      // 60 min after it: stalled; after the completion: succeeded.
      expect(await stores.installAudit.summary(asOf('11:50'))).toMatchObject({
        stalled: 1,
        inProgress: 0,
      });
      expect(await stores.installAudit.summary(asOf('12:00'))).toMatchObject({
        succeeded: 1,
        stalled: 0,
      });

      // Where it stood at 11:50: at registry-login, not yet completed.
      const helmSteps = async (time: string) =>
        (await stores.installAudit.funnel(asOf(time))).installTypes[0].steps;
      expect(await helmSteps('11:50')).toEqual([
        { step: 'started', reached: 1, stalledHere: 0, failedHere: 0 },
        { step: 'registry-login', reached: 1, stalledHere: 1, failedHere: 0 },
        { step: 'images-pulled', reached: 0, stalledHere: 0, failedHere: 0 },
        { step: 'completed', reached: 0, stalledHere: 0, failedHere: 0 },
      ]);
      expect((await helmSteps('10:30'))[1].reached).toBe(0);
      expect((await helmSteps('12:00'))[3].reached).toBe(1);
      expect(
        await stores.installAudit.failureGroups(asOf('11:50')),
      ).toMatchObject({
        items: [
          {
            status: 'stalled',
            step: 'registry-login',
            count: 1,
            firstSeenAt: at('10:50').replace(':00Z', ':00.000Z'),
            lastSeenAt: at('10:50').replace(':00Z', ':00.000Z'),
          },
        ],
      });
      const listed = await stores.installAttempts.listAttempts(
        { customerId: 'c2', step: 'registry-login', status: ['stalled'] },
        {
          asOf: Date.parse(at('11:50')),
          stalledAfterMs: 3600_000,
          limit: 10,
          sort: 'startedAt',
          order: 'desc',
        },
      );
      expect(listed.rows.map(r => r.id)).toEqual(['cut']);

      // Failed at 14:00 of the next day: at 12:00 it had only stalled.
      const next = (time: string) => `2024-04-02T${time}:00Z`;
      const late = { attemptId: 'late', customerId: 'c2', installType: 'helm' };
      await ingest.ingestInstallAttemptEvents({
        events: [
          { ...late, type: 'started', at: next('10:00') },
          { ...late, type: 'step', step: 'registry-login', at: next('10:10') },
          {
            ...late,
            type: 'failed',
            step: 'images-pulled',
            reason: 'timeout pulling image 12',
            at: next('14:00'),
          },
        ],
      });
      const noon = { ...asOf('12:00'), asOf: Date.parse(next('12:00')) };
      expect(await stores.installAudit.failureGroups(noon)).toEqual({
        items: [
          {
            status: 'stalled',
            step: 'registry-login',
            reason: null,
            exampleReason: null,
            count: 1,
            customers: 1,
            firstSeenAt: new Date(next('10:10')).toISOString(),
            lastSeenAt: new Date(next('10:10')).toISOString(),
          },
        ],
      });
      const {
        items: [failedGroup],
      } = await stores.installAudit.failureGroups({
        ...noon,
        asOf: Date.parse(next('15:00')),
      });
      expect(
        await stores.installAudit.summary({
          ...noon,
          filters: { customerId: 'c2', reason: failedGroup.reason! },
        }),
      ).toMatchObject({ total: 0 });
      expect(failedGroup).toMatchObject({ status: 'failed', count: 1 });
    });

    it('gives exact continuous percentiles of many durations, like percentile_cont', async () => {
      const { stores, ingest, query } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      // 40 more succeeded attempts, one a day in May, lasting 7 to 46 × 7 min.
      const minutes = Array.from({ length: 40 }, (_, i) => ((i * 17) % 40) + 7);
      await ingest.ingestInstallAttemptEvents({
        events: minutes.flatMap((m, i) => {
          const start = Date.parse('2024-05-01T08:00:00Z') + i * 86_400_000;
          const base = { attemptId: `p${i}`, customerId: 'c2' };
          return [
            { ...base, type: 'started', at: new Date(start).toISOString() },
            {
              ...base,
              type: 'completed',
              at: new Date(start + m * 7 * 60_000).toISOString(),
            },
          ];
        }),
      });
      // The three of the fleet (20, 40 and 60 min) and these, in seconds.
      const seconds = [1200, 2400, 3600, ...minutes.map(m => m * 7 * 60)].sort(
        (a, b) => a - b,
      );
      const percentile = (p: number) => {
        const position = p * (seconds.length - 1);
        const low = seconds[Math.floor(position)];
        const high = seconds[Math.ceil(position)];
        return Math.round(low + (high - low) * (position % 1));
      };
      expect(await stores.installAudit.summary(query())).toMatchObject({
        total: 48,
        succeeded: 43,
        medianDurationSeconds: percentile(0.5),
        p90DurationSeconds: percentile(0.9),
      });
      expect(percentile(0.9) % 420).not.toBe(0); // interpolated, not a sample
    });

    it('interpolates between exact durations, not whole seconds', async () => {
      const { stores, ingest, query } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      await ingest.putCustomer(
        'c3',
        testCustomer({ name: 'Initech', licenseId: 'lic-i' }),
      );
      // 1.4 s and 1.8 s: truncated to whole seconds both would be 1.
      await ingest.ingestInstallAttemptEvents({
        events: [1400, 1800].flatMap((ms, i) => {
          const start = Date.parse('2024-06-20T08:00:00Z') + i * 3600_000;
          const base = { attemptId: `ms${i}`, customerId: 'c3' };
          return [
            { ...base, type: 'started', at: new Date(start).toISOString() },
            {
              ...base,
              type: 'completed',
              at: new Date(start + ms).toISOString(),
            },
          ];
        }),
      });
      expect(
        await stores.installAudit.summary(query({ customerId: 'c3' })),
      ).toMatchObject({
        succeeded: 2,
        medianDurationSeconds: 2, // 1.6 s
        p90DurationSeconds: 2, // 1.76 s
      });
    });

    it('reads the summary and funnel from the covering indexes, the durations only from the completed range (SQLite: no table scan, no sort)', async () => {
      const knex = await databases.init(databaseId);
      const { stores, query } = await setupAuditFleet(knex);
      if (knex.client.config.client !== 'better-sqlite3') return;
      const summaryPlans = await queryPlans(knex, () =>
        stores.installAudit.summary(query()),
      );
      const funnelPlans = await queryPlans(knex, () =>
        stores.installAudit.funnel(query()),
      );
      // Each figure first probes whether asOf cuts any attempt short.
      const probe = [
        'SEARCH install_attempts USING INDEX install_attempts_last_event (last_event_at>?)',
      ];
      expect(summaryPlans[0]).toEqual(probe);
      expect(funnelPlans[0]).toEqual(probe);
      // The summary's counts and durations, the funnel.
      expect(summaryPlans.slice(1)).toEqual(
        expect.arrayContaining([
          expect.arrayContaining([
            'SEARCH a USING COVERING INDEX install_attempts_outcomes (completed_at<?)',
          ]),
        ]),
      );
      const reads = [...summaryPlans.slice(1), ...funnelPlans.slice(1)];
      expect(reads).toHaveLength(3);
      for (const plan of reads) {
        expect(plan).toContainEqual(
          expect.stringMatching(
            /^(SCAN|SEARCH) a USING COVERING INDEX install_attempts_(audit|funnel|outcomes)\b/,
          ),
        );
        expect(plan).not.toContainEqual(expect.stringMatching(/TEMP B-TREE/));
      }
    });

    it('reads the failure groups from install_attempts_failures, also by install type (SQLite: no table read)', async () => {
      const knex = await databases.init(databaseId);
      const { stores, query } = await setupAuditFleet(knex);
      if (knex.client.config.client !== 'better-sqlite3') return;
      const plans = await queryPlans(knex, async () => {
        await stores.installAudit.failureGroups(query());
        await stores.installAudit.failureGroups(query({ installType: 'helm' }));
      });
      expect(plans.filter((_, i) => i % 2 === 1)).toEqual([
        expect.arrayContaining([
          'SCAN a USING COVERING INDEX install_attempts_failures',
        ]),
        expect.arrayContaining([
          'SEARCH a USING COVERING INDEX install_attempts_failures (install_type=?)',
        ]),
      ]);
    });

    it('builds the funnel per install type', async () => {
      const { stores, query } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      expect(await stores.installAudit.funnel(query())).toEqual({
        installTypes: [
          {
            installType: 'helm',
            steps: [
              { step: 'started', reached: 5, stalledHere: 0, failedHere: 0 },
              {
                step: 'registry-login',
                reached: 5,
                stalledHere: 1,
                failedHere: 2,
              },
              {
                step: 'images-pulled',
                reached: 2,
                stalledHere: 0,
                failedHere: 0,
              },
              { step: 'completed', reached: 2, stalledHere: 0, failedHere: 0 },
            ],
          },
          {
            installType: 'linux',
            steps: [
              { step: 'started', reached: 3, stalledHere: 0, failedHere: 0 },
              {
                step: 'assets-downloaded',
                reached: 1,
                stalledHere: 0,
                failedHere: 0,
              },
              { step: 'completed', reached: 1, stalledHere: 0, failedHere: 0 },
            ],
          },
        ],
      });
    });

    it('groups failures by step and normalised reason', async () => {
      const { stores, query } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      const { items } = await stores.installAudit.failureGroups(query());
      expect(items).toEqual([
        {
          status: 'failed',
          step: 'images-pulled',
          reason: 'imagepullbackoff for <value> after <n>s',
          exampleReason: expect.stringMatching(/imagepullbackoff/i),
          count: 2,
          customers: 1,
          firstSeenAt: '2024-06-19T09:30:00.000Z',
          lastSeenAt: '2024-06-24T09:40:00.000Z',
        },
        {
          status: 'stalled',
          step: 'registry-login',
          reason: null,
          exampleReason: null,
          count: 1,
          customers: 1,
          firstSeenAt: '2024-06-25T09:05:00.000Z',
          lastSeenAt: '2024-06-25T09:05:00.000Z',
        },
      ]);
      expect(
        (
          await stores.installAudit.failureGroups(
            query({ status: ['succeeded'] }),
          )
        ).items,
      ).toEqual([]);
    });

    it("filters to a failure group's attempts by status, step and reason", async () => {
      const { stores, query } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      const { items } = await stores.installAudit.failureGroups(query());
      for (const group of items) {
        const filters = {
          status: [group.status],
          step: group.step ?? undefined,
          reason: group.reason ?? undefined,
        };
        const summary = await stores.installAudit.summary(query(filters));
        expect(summary.total).toBe(group.count);
      }
      const none = await stores.installAudit.summary(
        query({ status: ['failed'], step: 'images-pulled', reason: 'other' }),
      );
      expect(none.total).toBe(0);
    });

    it('trends attempts and success rate per week', async () => {
      const { stores, query } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      expect(await stores.installAudit.trend(query())).toEqual({
        weeks: [
          {
            weekStart: '2024-06-17T00:00:00.000Z',
            attempts: 3,
            succeeded: 2,
            successRate: 2 / 3,
          },
          {
            weekStart: '2024-06-24T00:00:00.000Z',
            attempts: 4,
            succeeded: 1,
            successRate: 1 / 4,
          },
          {
            weekStart: '2024-07-01T00:00:00.000Z',
            attempts: 1,
            succeeded: 0,
            successRate: null,
          },
        ],
      });
    });
  },
);
