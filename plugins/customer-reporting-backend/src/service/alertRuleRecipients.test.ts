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

/**
 * c1 (team-a) and c2 (team-b) under `readOwnCustomersOnly`, team-a in
 * alertAdmins. `rules` are saved (by `caller`, with `recipients`) before
 * both customers' instances go down; answers the subjects each rule was
 * told of, as the delivery log keeps them.
 */
async function toldOf(
  databaseId: Parameters<typeof databases.init>[0],
  rules: { id: string; caller: string; recipients: string[] }[],
) {
  const knex = await databases.init(databaseId);
  const server = await startWithProductionPolicy(knex, {
    groups: { alertAdmins: ['group:default/team-a'] },
    readOwnCustomersOnly: true,
  });
  const ingest = await ingestTeamCustomers(server);
  for (const { id, caller, recipients } of rules)
    await request(server)
      .put(`${base}/v1/alerts/rules/${id}`)
      .set('Authorization', caller)
      .send({ name: id, eventType: 'instance-unavailable', recipients })
      .expect(200);
  // Down for 40 minutes: the ingest judges the rules. No notifications
  // backend runs here: the sends fail, the delivery log keeps each claim.
  await ingest('post', '/v1/check-ins', {
    checkIns: ['c1', 'c2'].map(customerId => ({
      instanceId: `i-${customerId}`,
      customerId,
      at: minutesAgo(40),
      appStatus: 'missing',
    })),
  });
  const { body } = await request(server)
    .get(`${base}/v1/alerts/deliveries`)
    .set('Authorization', service)
    .expect(200);
  const told: Record<string, string[]> = {};
  for (const d of body.items) (told[d.ruleId] ??= []).push(d.subject);
  for (const subjects of Object.values(told)) subjects.sort();
  return told;
}

describe.each(databases.eachSupportedId())(
  'who an alert rule tells of which customer on %p',
  databaseId => {
    it('tells the recipients a rule names only of customers its last editor may read', async () => {
      const told = await toldOf(databaseId, [
        // A manager who reads its own customers names itself: it must not
        // learn of team-b's customer through its own rule.
        { id: 'mine', caller: userHeader('team-a'), recipients: [] },
        {
          id: 'to-me',
          caller: userHeader('team-a'),
          recipients: ['user:default/team-a'],
        },
        // A service reads every customer.
        { id: 'to-sre', caller: service, recipients: ['group:default/sre'] },
      ]);
      expect(told).toEqual({
        // Each customer's owner hears of its own, whoever made the rule.
        mine: ['i-c1', 'i-c2'],
        'to-me': ['i-c1'],
        'to-sre': ['i-c1', 'i-c2'],
      });
    });

    it('takes the reads of whoever saved the rule last', async () => {
      const knex = await databases.init(databaseId);
      const server = await startWithProductionPolicy(knex, {
        groups: { alertAdmins: ['group:default/team-a'] },
        readOwnCustomersOnly: true,
      });
      await ingestTeamCustomers(server);
      const save = (caller: string) =>
        request(server)
          .put(`${base}/v1/alerts/rules/r`)
          .set('Authorization', caller)
          .send({
            name: 'r',
            eventType: 'instance-unavailable',
            recipients: ['user:default/team-a'],
          })
          .expect(200);
      await save(service);
      await save(userHeader('team-a'));
      const row = await knex('alert_rules').where({ id: 'r' }).first();
      // team-a's conditional reads, kept as the criteria of its decision.
      expect(JSON.parse(row.reads_as)).toEqual({
        column: 'owner',
        values: ['user:default/team-a', 'group:default/team-a'],
      });
      await save(service);
      expect(
        JSON.parse(
          (await knex('alert_rules').where({ id: 'r' }).first()).reads_as,
        ),
      ).toBe('all');
    });
  },
);
