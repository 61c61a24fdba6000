import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestIngest, TEST_NOW } from '../__testUtils__/fixtures';
import { setupAuditFleet } from '../__testUtils__/installAuditFleet';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

const event = (
  type: string,
  at: string,
  extra: Record<string, unknown> = {},
) => ({
  attemptId: 'a1',
  customerId: 'c1',
  type,
  at: `2024-07-01T${at}:00Z`,
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'DatabaseInstallAttemptsStore on %p',
  databaseId => {
    it('summarizes an attempt the same for any arrival order, counting replays as duplicates', async () => {
      const events = [
        event('started', '10:00', {
          installType: 'helm',
          userEmail: 'ops@acme.example.com',
          networkMode: 'airgap',
          registry: 'offline',
        }),
        event('step', '10:05', { step: 'registry-login' }),
        event('failed', '10:09', {
          step: 'images-pulled',
          reason: 'ImagePullBackOff',
        }),
      ];
      const inOrder = await createTestIngest(await databases.init(databaseId));
      expect(
        await inOrder.ingest.ingestInstallAttemptEvents({ events }),
      ).toEqual({ accepted: 3, duplicates: 0 });
      expect(
        await inOrder.ingest.ingestInstallAttemptEvents({
          events: [events[1]],
        }),
      ).toEqual({ accepted: 0, duplicates: 1 });

      const reversedKnex = await databases.init(databaseId);
      const reversed = await createTestIngest(reversedKnex);
      for (const e of [...events].reverse())
        await reversed.ingest.ingestInstallAttemptEvents({ events: [e] });

      const row = await reversedKnex('install_attempts')
        .where({ id: 'a1' })
        .first();
      expect(row).toMatchObject({
        customer_id: 'c1',
        install_type: 'helm',
        user_email: 'ops@acme.example.com',
        network_mode: 'airgap',
        failed_step: 'images-pulled',
        reason: 'ImagePullBackOff',
        furthest_step: 'registry-login',
      });
      expect(Number(row.started_at)).toBe(Date.parse('2024-07-01T10:00:00Z'));
      expect(
        JSON.parse(row.steps).map((s: { step: string }) => s.step),
      ).toEqual(['started', 'registry-login']);
    });

    it('rejects steps of the wrong install type and inconsistent air gap registries', async () => {
      const { ingest } = await createTestIngest(
        await databases.init(databaseId),
      );
      await expect(
        ingest.ingestInstallAttemptEvents({
          events: [
            event('step', '10:00', {
              installType: 'linux',
              step: 'registry-login',
            }),
            event('started', '10:00', {
              networkMode: 'airgap',
              registry: 'online',
            }),
            event('step', '10:01'),
          ],
        }),
      ).rejects.toMatchObject({
        issues: [
          {
            index: 0,
            field: 'step',
            message:
              'is not a linux step (started, assets-downloaded, completed)',
          },
          {
            index: 1,
            field: 'registry',
            message: 'must be offline when networkMode is airgap',
          },
          { index: 2, field: 'step', message: 'is required when type is step' },
        ],
      });
    });

    it('breaks ties between events of the same time the same for any arrival order', async () => {
      // Two starts and two failures at the same second.
      const events = [
        event('started', '10:00', { userEmail: 'x@acme.example.com' }),
        event('started', '10:00', { userEmail: 'y@acme.example.com' }),
        event('failed', '10:09', {
          step: 'registry-login',
          reason: 'unauthorized',
        }),
        event('failed', '10:09', {
          step: 'registry-login',
          reason: 'i/o timeout',
        }),
      ];
      const summaries = [];
      for (const order of [events, [...events].reverse()]) {
        const knex = await databases.init(databaseId);
        const { ingest, stores } = await createTestIngest(knex);
        for (const e of order)
          await ingest.ingestInstallAttemptEvents({ events: [e] });
        await ingest.ingestPortalEvents({
          events: (order === events
            ? ['1.0.0', '1.1.0']
            : ['1.1.0', '1.0.0']
          ).map(version => ({
            customerId: 'c1',
            type: 'downloaded',
            version,
            at: '2024-07-01T11:00:00Z',
          })),
        });
        const row = await knex('install_attempts').where({ id: 'a1' }).first();
        const report = await stores.report.getPortalActivity('c1', TEST_NOW);
        summaries.push({
          userEmail: row.user_email,
          reason: row.reason,
          lastDownload: report.lastDownload?.version,
        });
      }
      expect(summaries[1]).toEqual(summaries[0]);
    });

    it('shows an attempt in the list and the report as it was at asOf', async () => {
      const knex = await databases.init(databaseId);
      const { ingest, stores } = await createTestIngest(knex);
      await ingest.ingestInstallAttemptEvents({
        events: [
          event('started', '10:00', {
            installType: 'helm',
            userEmail: 'ops@acme.example.com',
          }),
          event('step', '10:05', {
            step: 'registry-login',
            appVersion: '1.0.0',
          }),
          event('completed', '11:00', { instanceId: 'i1' }),
        ],
      });
      const at = (time: string) => Date.parse(`2024-07-01T${time}:00Z`);
      const listed = async (time: string) =>
        (
          await stores.installAttempts.listAttempts(
            {},
            {
              asOf: at(time),
              stalledAfterMs: 3600_000,
              limit: 10,
              sort: 'startedAt',
              order: 'desc',
            },
          )
        ).rows[0];
      const reported = async (time: string) =>
        (await stores.report.getInstallAttempts('c1', at(time), 100)).rows[0];
      for (const read of [listed, reported]) {
        expect(await read('10:02')).toMatchObject({
          user_email: 'ops@acme.example.com',
          app_version: null,
          instance_id: null,
          completed_at: null,
          steps: JSON.stringify([{ step: 'started', at: at('10:00') }]),
        });
        expect(await read('10:30')).toMatchObject({
          app_version: '1.0.0',
          instance_id: null,
          furthest_step: 'registry-login',
        });
        expect(await read('11:00')).toMatchObject({
          instance_id: 'i1',
          furthest_step: 'completed',
        });
      }
    });

    it('stores portal events once each', async () => {
      const knex = await databases.init(databaseId);
      const { ingest } = await createTestIngest(knex);
      const events = [
        {
          customerId: 'c1',
          type: 'user-invited',
          email: 'a@acme.example.com',
          at: '2024-07-01T10:00:00Z',
        },
        {
          customerId: 'c1',
          type: 'downloaded',
          version: '1.1.0',
          at: '2024-07-01T11:00:00Z',
        },
      ];
      expect(await ingest.ingestPortalEvents({ events })).toEqual({
        accepted: 2,
        duplicates: 0,
      });
      // Same fields in another key order are the same event.
      expect(
        await ingest.ingestPortalEvents({
          events: [
            {
              at: events[1].at,
              version: '1.1.0',
              type: 'downloaded',
              customerId: 'c1',
            },
          ],
        }),
      ).toEqual({ accepted: 0, duplicates: 1 });
      const [{ count }] = await knex('portal_events').count({ count: '*' });
      expect(Number(count)).toBe(2);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'install attempt list on %p',
  databaseId => {
    it('sorts and pages the attempt list by any column', async () => {
      const { stores } = await setupAuditFleet(
        await databases.init(databaseId),
      );
      const page = (after?: { value: string | number; id: string }) =>
        stores.installAttempts.listAttempts(
          {},
          {
            asOf: TEST_NOW,
            stalledAfterMs: 3600_000,
            limit: 2,
            sort: 'duration',
            order: 'desc',
            after,
          },
        );
      const first = await page();
      expect(first.rows.map(r => r.id)).toEqual(['l1', 'h2']);
      const last = first.rows[1];
      const second = await page({ value: last.sort_value, id: last.id });
      expect(second.rows.map(r => r.id)).toEqual(['h1', 'h3']);
      expect(second.totalCount).toBe(8);
    });
  },
);
