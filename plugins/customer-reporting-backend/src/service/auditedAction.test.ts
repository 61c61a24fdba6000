import request from 'supertest';
import { Knex } from 'knex';
import { TestDatabases } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import {
  INGEST_ONLY_HEADER,
  startWithProductionPolicy,
  userHeader,
} from '../__testUtils__/productionPolicyBackend';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';
import {
  RecordedAuditEvent,
  recordingAuditor,
} from '../__testUtils__/recordingAuditor';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const base = '/api/customer-reporting';
const recent = new Date(Date.now() - 3600_000).toISOString();

const ALERT_RULE = { name: 'Down', eventType: 'instance-unavailable' };

/**
 * The sensitive actions: who may (a member of `group`), the auditor event
 * before it runs, its success meta and the Activity entry (table audit_events).
 */
const C1 = { customerId: 'c1' };
const ruleChange = (actionType: string) => ({ actionType, ruleId: 'r1' });

const ACTIONS: Array<{
  route: string;
  body?: object;
  group: string;
  /** eventId, severityLevel and meta of the event as created. */
  event: [string, string, JsonObject];
  success: JsonObject & { action: string };
}> = [
  {
    route: 'GET /v1/customers/c1/license',
    group: 'licenseAdmins',
    event: ['license-download', 'medium', C1],
    success: { customerId: 'c1', action: 'license-download' },
  },
  {
    route: 'POST /v1/customers/c1/download-portal/password',
    body: {},
    group: 'portalPasswordAdmins',
    event: ['portal-password', 'high', C1],
    success: { customerId: 'c1', action: 'portal-password-generated' },
  },
  {
    route: 'PUT /v1/customers/c1/enterprise-portal',
    body: { enabled: true },
    group: 'enterprisePortalAdmins',
    event: ['enterprise-portal', 'high', C1],
    success: { customerId: 'c1', action: 'enterprise-portal-enabled' },
  },
  {
    route: 'POST /v1/customers/c1/enterprise-portal/invitations',
    body: { email: 'Ops@Acme.example.com' },
    group: 'enterprisePortalAdmins',
    event: ['portal-invitation', 'high', C1],
    success: { action: 'portal-user-invited', email: 'ops@acme.example.com' },
  },
  {
    route: 'GET /v1/exports/customers.csv',
    group: 'exporters',
    event: ['export', 'medium', { file: 'customers.csv' }],
    success: { file: 'customers.csv', action: 'export' },
  },
  {
    route: 'PUT /v1/alerts/rules/r1',
    body: ALERT_RULE,
    group: 'alertAdmins',
    event: ['alert-rule', 'medium', ruleChange('update')],
    success: { action: 'alert-rule-saved', name: 'Down' },
  },
  {
    route: 'PUT /v1/alerts/rules/r1/mutes',
    body: { subject: null, until: '2099-01-01T00:00:00Z' },
    group: 'alertAdmins',
    event: ['alert-mute', 'medium', ruleChange('update')],
    success: { action: 'alert-muted', until: '2099-01-01T00:00:00Z' },
  },
  {
    route: 'DELETE /v1/alerts/rules/r1',
    group: 'alertAdmins',
    event: ['alert-rule', 'medium', ruleChange('delete')],
    success: { action: 'alert-rule-deleted', ruleId: 'r1' },
  },
];

function expectedEvent([eventId, severityLevel, meta]: [
  string,
  string,
  JsonObject,
]) {
  return { eventId, severityLevel, meta };
}

/**
 * The plugin under the shipped policy, a member of each group allowed
 * (user:default/<group>), the auditor recording; app and customer c1
 * written with the ingest token (their events are the first two).
 */
async function startAudited(knex: Knex, groups: string[]) {
  const { events, factory } = recordingAuditor();
  const server = await startWithProductionPolicy(
    knex,
    {
      groups: Object.fromEntries(groups.map(g => [g, [`group:default/${g}`]])),
    },
    [factory],
  );
  await send(server, 'PUT /v1/apps/test-app', INGEST_ONLY_HEADER, TEST_APP);
  await send(
    server,
    'PUT /v1/customers/c1',
    INGEST_ONLY_HEADER,
    testCustomer(),
  );
  return { server, events };
}

async function activityEntries(knex: Knex) {
  const [{ n }] = await knex('audit_events').count({ n: '*' });
  return Number(n);
}

async function send(
  server: any,
  route: string,
  auth: string,
  body?: object,
): Promise<request.Response> {
  const [method, path] = route.split(' ');
  const call = (request(server) as any)
    [method.toLowerCase()](`${base}${path}`)
    .set('Authorization', auth);
  return body ? call.send(body) : call;
}

describe('audited actions', () => {
  it.each(databases.eachSupportedId())(
    'sends an auditor event per sensitive action and writes the Activity entry with it, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, events } = await startAudited(
        knex,
        ACTIONS.map(a => a.group),
      );

      const audited: RecordedAuditEvent[] = [];
      const answeredPasswords: string[] = [];
      for (const action of ACTIONS) {
        // Refused: the event ends failed and nothing reaches the Activity table.
        events.length = 0;
        const entriesBefore = await activityEntries(knex);
        const refused = await send(
          server,
          action.route,
          userHeader('plain'),
          action.body,
        );
        expect([action.route, refused.status]).toEqual([action.route, 403]);
        expect(events).toEqual([
          expect.objectContaining({
            ...expectedEvent(action.event),
            outcome: expect.objectContaining({
              ok: false,
              error: 'NotAllowedError',
            }),
          }),
        ]);
        expect(await activityEntries(knex)).toBe(entriesBefore);

        // Allowed: success, with the same details as the Activity entry.
        events.length = 0;
        const done = await send(
          server,
          action.route,
          userHeader(action.group),
          action.body,
        );
        expect([action.route, done.status < 300]).toEqual([action.route, true]);
        expect(events).toEqual([
          expect.objectContaining({
            ...expectedEvent(action.event),
            outcome: {
              ok: true,
              meta: expect.objectContaining(action.success),
            },
          }),
        ]);
        const entry = await knex('audit_events').orderBy('id', 'desc').first();
        expect(entry.actor).toBe(`user:default/${action.group}`);
        expect(entry.action).toBe(action.success.action);
        expect(events[0].outcome?.meta).toMatchObject(
          JSON.parse(entry.details),
        );
        audited.push(...events);
        if (done.body?.password) answeredPasswords.push(done.body.password);
      }
      // A generated password is shown to the caller once, never audited.
      expect(answeredPasswords).toHaveLength(1);
      expect(JSON.stringify(audited)).not.toContain(answeredPasswords[0]);
    },
  );

  it.each(databases.eachSupportedId())(
    'audits ingest writes with their counts, and refused or invalid writes as failures, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, events } = await startAudited(knex, []);
      expect(events.map(e => [e.meta, e.outcome?.ok])).toEqual([
        [{ actionType: 'app', appSlug: 'test-app' }, true],
        [{ actionType: 'customer', customerId: 'c1' }, true],
      ]);

      events.length = 0;
      const checkIns = {
        checkIns: [{ instanceId: 'i1', customerId: 'c1', at: recent }],
      };
      await send(
        server,
        'POST /v1/check-ins',
        INGEST_ONLY_HEADER,
        checkIns,
      ).then(r => expect(r.status).toBe(200));
      await send(
        server,
        'POST /v1/check-ins',
        userHeader('plain'),
        checkIns,
      ).then(r => expect(r.status).toBe(403));
      await send(server, 'POST /v1/check-ins', INGEST_ONLY_HEADER, {
        checkIns: [{ instanceId: 'i2', customerId: 'c1', at: 'yesterday' }],
      }).then(r => expect(r.status).toBe(400));
      expect(events).toEqual([
        {
          eventId: 'ingest',
          severityLevel: 'medium',
          meta: { actionType: 'check-ins' },
          outcome: {
            ok: true,
            meta: { actionType: 'check-ins', accepted: 1, duplicates: 0 },
          },
        },
        expect.objectContaining({
          outcome: expect.objectContaining({
            ok: false,
            error: 'NotAllowedError',
          }),
        }),
        expect.objectContaining({
          outcome: expect.objectContaining({ ok: false, error: 'InputError' }),
        }),
      ]);
      // Ingest has no Activity entries: its callers are services.
      expect(await activityEntries(knex)).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'audits the reads that may reveal a secret, without an Activity entry, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, events } = await startAudited(knex, [
        'licenseAdmins',
        'dataSourceViewers',
      ]);
      events.length = 0;
      for (const caller of ['plain', 'licenseAdmins', 'dataSourceViewers']) {
        await send(
          server,
          'GET /v1/customers/c1/helm-instructions',
          userHeader(caller),
        );
        await send(server, 'GET /v1/data-sources', userHeader(caller));
      }
      // The test customer has no release: the instructions answer 409, after
      // the license ID decision the event keeps.
      const outcome = (e: RecordedAuditEvent) => [
        e.eventId,
        e.outcome?.error ?? 'ok',
        e.outcome?.meta?.licenseIdShown,
      ];
      expect(events.map(outcome)).toEqual([
        ['helm-instructions', 'ConflictError', false],
        ['data-source-status', 'NotAllowedError', undefined],
        ['helm-instructions', 'ConflictError', true],
        ['data-source-status', 'NotAllowedError', undefined],
        ['helm-instructions', 'ConflictError', false],
        ['data-source-status', 'ok', undefined],
      ]);
      expect(await activityEntries(knex)).toBe(0);
    },
  );
});
