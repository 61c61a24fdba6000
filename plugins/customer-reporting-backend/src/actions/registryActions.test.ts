import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { customerReportingIngestPermission } from '@customer-reporting/plugin-customer-reporting-common';
import { startWithActions } from '../__testUtils__/actionsBackend';
import { toCustomerHealth } from './customerHealth';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const MINUTE = 60_000;
const start = async (databaseId: TestDatabaseId) =>
  startWithActions(await databases.init(databaseId));

afterEach(() => jest.restoreAllMocks());

describe.each(databases.eachSupportedId())(
  'registry actions on %p',
  databaseId => {
    it('registers five read-only actions with input and output schemas', async () => {
      const { registry } = await start(databaseId);
      const { actions } = await registry.list();
      expect(actions.map(a => a.name).sort()).toEqual([
        'get-customer-health',
        'list-customers',
        'list-instance-events',
        'list-problem-install-attempts',
        'summarize-install-attempts',
      ]);
      for (const action of actions) {
        expect(action.attributes).toEqual({
          readOnly: true,
          idempotent: true,
          destructive: false,
        });
        expect(action.schema.input.type).toBe('object');
        expect(action.schema.output.type).toBe('object');
      }
    });

    it('list-customers answers the customer list of the caller', async () => {
      const { http, invoke } = await start(databaseId);
      for (const [user, ids] of [
        ['team-a', ['c1']],
        ['team-b', ['c2']],
      ] as const) {
        const page = await http('/v1/customers?limit=20', user).expect(200);
        const { output } = await invoke('list-customers', {}, user);
        expect(output).toEqual({
          items: page.body.items,
          totalCount: page.body.totalCount,
          hasMore: false,
        });
        expect(page.body.items.map((c: { id: string }) => c.id)).toEqual(ids);
      }
      const filtered = await http('/v1/customers?status=degraded', 'team-a');
      const { output } = await invoke(
        'list-customers',
        { status: 'degraded' },
        'team-a',
      );
      expect((output as any).items).toEqual(filtered.body.items);
      expect(filtered.body.items).toHaveLength(1);
    });

    it('get-customer-health answers the report’s numbers, or refuses like the route', async () => {
      const { http, invoke } = await start(databaseId);
      const report = await http('/v1/customers/c1/report', 'team-a').expect(
        200,
      );
      const { output } = await invoke(
        'get-customer-health',
        { customerId: 'c1' },
        'team-a',
      );
      expect(output).toEqual(toCustomerHealth(report.body));
      expect((output as any).instances[0]).toMatchObject({
        id: 'i1',
        status: 'degraded',
        appVersion: '1.1.0',
      });
      expect(JSON.stringify(output)).not.toContain('lic-c1');

      const refused = await http('/v1/customers/c1/report', 'team-b').expect(
        403,
      );
      await expect(
        invoke('get-customer-health', { customerId: 'c1' }, 'team-b'),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: refused.body.error.message,
      });
    });

    it('list-instance-events answers the newest events, or refuses like the route', async () => {
      const { http, invoke } = await start(databaseId);
      const events = await http(
        '/v1/instances/i1/events?limit=2',
        'team-a',
      ).expect(200);
      const { output } = await invoke(
        'list-instance-events',
        { instanceId: 'i1', limit: 2 },
        'team-a',
      );
      expect(output).toEqual({ items: events.body.items, hasMore: true });
      expect(events.body.items).toHaveLength(2);

      for (const instanceId of ['i1', 'unknown']) {
        const refused = await http(
          `/v1/instances/${instanceId}/events`,
          'team-b',
        ).expect(403);
        await expect(
          invoke('list-instance-events', { instanceId }, 'team-b'),
        ).rejects.toMatchObject({
          name: 'NotAllowedError',
          message: refused.body.error.message,
        });
      }
    });

    it('summarize-install-attempts answers the audit’s summary and failure groups', async () => {
      const { http, invoke } = await start(databaseId);
      const summary = await http(
        '/v1/install-attempts/summary',
        'team-a',
      ).expect(200);
      const groups = await http(
        '/v1/install-attempts/failure-groups',
        'team-a',
      ).expect(200);
      const { output } = await invoke(
        'summarize-install-attempts',
        {},
        'team-a',
      );
      expect(output).toEqual({
        summary: summary.body,
        failureGroups: groups.body.items,
      });
      expect(summary.body).toMatchObject({ total: 3, failed: 1, stalled: 1 });

      // team-b sees its own attempt only; the from/to window applies.
      const { output: other } = await invoke(
        'summarize-install-attempts',
        { from: new Date(Date.now() - 150 * MINUTE).toISOString() },
        'team-b',
      );
      expect((other as any).summary.total).toBe(0);
    });

    it('list-problem-install-attempts answers the stalled and failed attempts', async () => {
      const { http, invoke } = await start(databaseId);
      const list = await http(
        '/v1/install-attempts?status=failed,stalled&limit=20',
        'team-a',
      ).expect(200);
      const { output } = await invoke(
        'list-problem-install-attempts',
        {},
        'team-a',
      );
      expect(output).toEqual({
        items: list.body.items,
        totalCount: 2,
        hasMore: false,
      });
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([
        'a-failed',
        'a-stalled',
      ]);
      const { output: failed } = await invoke(
        'list-problem-install-attempts',
        { status: 'failed' },
        'team-a',
      );
      expect((failed as any).items.map((a: { id: string }) => a.id)).toEqual([
        'a-failed',
      ]);
    });

    it('refuses callers without the read permission like the routes', async () => {
      const { registry, asIngestToken } = await start(databaseId);
      const ingestOnly = mockCredentials.service(
        'external:customer-reporting-ingest',
        { permissionNames: [customerReportingIngestPermission.name] },
      );
      for (const [action, input, route] of [
        ['list-customers', {}, '/v1/customers'],
        ['summarize-install-attempts', {}, '/v1/install-attempts/summary'],
        ['list-problem-install-attempts', {}, '/v1/install-attempts'],
        [
          'get-customer-health',
          { customerId: 'c1' },
          '/v1/customers/c1/report',
        ],
        [
          'list-instance-events',
          { instanceId: 'i1' },
          '/v1/instances/i1/events',
        ],
      ] as const) {
        await asIngestToken(route).expect(403);
        await expect(
          registry.invoke({
            id: `test:${action}`,
            input,
            credentials: ingestOnly,
          }),
        ).rejects.toMatchObject({ name: 'NotAllowedError' });
      }
    });
  },
);
