import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  ingestTeamCustomers,
  startWithProductionPolicy,
  userHeader,
} from '../__testUtils__/productionPolicyBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const service = mockCredentials.service.header();
const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();
const UNTIL = '2099-01-01T00:00:00.000Z';

/**
 * c1 (team-a) and c2 (team-b) under `readOwnCustomersOnly`, team-a in
 * alertAdmins; a service made rules naming both customers (and an unknown
 * one), and muted subjects of both.
 */
async function setup(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const server = await startWithProductionPolicy(knex, {
    groups: { alertAdmins: ['group:default/team-a'] },
    readOwnCustomersOnly: true,
  });
  const ingest = await ingestTeamCustomers(server);
  await ingest('post', '/v1/check-ins', {
    checkIns: ['c1', 'c2'].map(customerId => ({
      instanceId: `i-${customerId}`,
      customerId,
      at: minutesAgo(5),
      appStatus: 'ready',
    })),
  });
  await ingest('post', '/v1/install-attempt-events', {
    events: ['c1', 'c2'].map(customerId => ({
      attemptId: `a-${customerId}`,
      customerId,
      type: 'started',
      at: minutesAgo(5),
    })),
  });
  const put = (caller: string, path: string, body: object) =>
    request(server)
      .put(`${base}/v1/alerts/rules/${path}`)
      .set('Authorization', caller)
      .send(body);
  const rules: [string, string, (string | null)[]][] = [
    ['down', 'instance-unavailable', [null, 'i-c1', 'i-c2']],
    ['stalls', 'install-attempt-failed', ['a-c1', 'a-c2']],
    ['expiry', 'license-expiring', ['c1', 'c2', 'ghost']],
  ];
  for (const [id, eventType, subjects] of rules) {
    await put(service, id, {
      name: id,
      eventType,
      filters: id === 'down' ? { customerIds: ['c1', 'c2', 'ghost'] } : {},
    }).expect(200);
    for (const subject of subjects)
      await put(service, `${id}/mutes`, { subject, until: UNTIL }).expect(200);
  }
  const list = async (caller: string) =>
    (
      await request(server)
        .get(`${base}/v1/alerts/rules`)
        .set('Authorization', caller)
        .expect(200)
    ).body.items as any[];
  const view = async (caller: string, id: string) =>
    (await list(caller)).find(r => r.id === id);
  return { knex, server, put, list, view };
}

/** What of a rule names customers: its customer ids, their hidden count, its muted subjects. */
const customersOf = (rule: any) => ({
  customerIds: rule.filters.customerIds,
  hiddenCustomerIds: rule.hiddenCustomerIds,
  muted: rule.mutes.map((m: any) => m.subject),
});

describe.each(databases.eachSupportedId())(
  'alert rules as each caller may see them on %p',
  databaseId => {
    it('withhold the customer ids and muted subjects of customers the caller may not read', async () => {
      const { list } = await setup(databaseId);
      const seen = async (caller: string) =>
        Object.fromEntries(
          (await list(caller)).map(rule => [rule.id, customersOf(rule)]),
        );
      // An unknown id is withheld like a foreign one: the count does not
      // tell which of them exist.
      expect(await seen(userHeader('team-b'))).toEqual({
        down: {
          customerIds: ['c2'],
          hiddenCustomerIds: 2,
          muted: [null, 'i-c2'],
        },
        stalls: { customerIds: [], hiddenCustomerIds: 0, muted: ['a-c2'] },
        expiry: { customerIds: [], hiddenCustomerIds: 0, muted: ['c2'] },
      });
      // A member of alertAdmins reads only its own customers, too.
      expect(await seen(userHeader('team-a'))).toEqual({
        down: {
          customerIds: ['c1'],
          hiddenCustomerIds: 2,
          muted: [null, 'i-c1'],
        },
        stalls: { customerIds: [], hiddenCustomerIds: 0, muted: ['a-c1'] },
        expiry: { customerIds: [], hiddenCustomerIds: 0, muted: ['c1'] },
      });
      expect((await seen(userHeader('nobody'))).down).toEqual({
        customerIds: [],
        hiddenCustomerIds: 3,
        muted: [null],
      });
      expect(await seen(service)).toEqual({
        down: {
          customerIds: ['c1', 'c2', 'ghost'],
          hiddenCustomerIds: 0,
          muted: [null, 'i-c1', 'i-c2'],
        },
        stalls: {
          customerIds: [],
          hiddenCustomerIds: 0,
          muted: ['a-c1', 'a-c2'],
        },
        expiry: {
          customerIds: [],
          hiddenCustomerIds: 0,
          muted: ['c1', 'c2', 'ghost'],
        },
      });
    });

    it('keep what a manager may not see when it saves the rule it was shown, and refuse its acting on customers it may not read', async () => {
      const { knex, server, put, view } = await setup(databaseId);
      const teamA = userHeader('team-a');
      const edit = (customerIds: string[]) =>
        put(teamA, 'down', {
          name: 'Down, edited',
          eventType: 'instance-unavailable',
          filters: { customerIds },
        });
      const stored = async () =>
        customersOf(await view(service, 'down')).customerIds;

      // It cannot aim the rule at a customer it may not read, known or not.
      for (const id of ['c2', 'ghost']) {
        const refused = await edit(['c1', id]).expect(403);
        expect(refused.body.error).toMatchObject({
          name: 'NotAllowedError',
          message: `filters.customerIds: not allowed to read customer ${id}`,
        });
      }
      expect((await view(service, 'down')).name).toBe('down');

      // Saving back what it saw keeps the ids it did not see; the answer
      // is shown as the list shows it.
      const saved = await edit(['c1']).expect(200);
      expect(customersOf(saved.body)).toEqual({
        customerIds: ['c1'],
        hiddenCustomerIds: 2,
        muted: [null, 'i-c1'],
      });
      expect(await stored()).toEqual(['c1', 'c2', 'ghost']);
      // Emptying the list does not widen the rule to every customer.
      await edit([]).expect(200);
      expect(await stored()).toEqual(['c2', 'ghost']);
      // The audit trail says what was stored.
      const [entry] = await knex('audit_events')
        .where({ action: 'alert-rule-saved' })
        .orderBy('id', 'desc')
        .limit(1);
      expect(JSON.parse(entry.details).filters.customerIds).toEqual([
        'c2',
        'ghost',
      ]);

      // Mutes: only of subjects of its customers; the whole rule as before.
      for (const subject of ['i-c2', 'i-unknown']) {
        const refused = await put(teamA, 'down/mutes', {
          subject,
          until: UNTIL,
        }).expect(403);
        expect(refused.body.error.message).toBe(
          `subject: not allowed to read the customer of ${subject}`,
        );
      }
      await request(server)
        .delete(`${base}/v1/alerts/rules/down/mutes?subject=i-c2`)
        .set('Authorization', teamA)
        .expect(403);
      expect(customersOf(await view(service, 'down')).muted).toEqual([
        null,
        'i-c1',
        'i-c2',
      ]);
      const muted = await put(teamA, 'down/mutes', {
        subject: 'i-c1',
        until: '2098-01-01T00:00:00Z',
      }).expect(200);
      expect(customersOf(muted.body).muted).toEqual([null, 'i-c1']);
      await put(teamA, 'down/mutes', { until: UNTIL }).expect(200);
    });
  },
);
