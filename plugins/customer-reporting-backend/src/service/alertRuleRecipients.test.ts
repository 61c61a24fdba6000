import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { testCustomer } from '../__testUtils__/fixtures';
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
 * c1 (team-a), c2 (team-b) and c3 (no owner), under `readOwnCustomersOnly`
 * unless `readOwnCustomersOnly: false`, team-a in alertAdmins. `rules` are
 * saved (by `caller`, with `recipients`) before the customers' instances
 * go down. Answers the ingest helper, and `told`: the subjects each rule
 * was told of, and to whom, as the delivery log keeps them.
 */
async function fleetDown(
  databaseId: Parameters<typeof databases.init>[0],
  rules: { id: string; caller: string; recipients: string[] }[],
  { readOwnCustomersOnly = true } = {},
) {
  const knex = await databases.init(databaseId);
  const server = await startWithProductionPolicy(knex, {
    groups: { alertAdmins: ['group:default/team-a'] },
    readOwnCustomersOnly,
  });
  const ingest = await ingestTeamCustomers(server);
  await ingest(
    'put',
    '/v1/customers/c3',
    testCustomer({ name: 'Customer c3', licenseId: 'lic-c3' }),
  );
  for (const { id, caller, recipients } of rules)
    await request(server)
      .put(`${base}/v1/alerts/rules/${id}`)
      .set('Authorization', caller)
      .send({ name: id, eventType: 'instance-unavailable', recipients })
      .expect(200);
  // Down for 40 minutes: the ingest judges the rules. No notifications
  // backend runs here: the sends fail, the delivery log keeps each claim.
  await ingest('post', '/v1/check-ins', {
    checkIns: ['c1', 'c2', 'c3'].map(customerId => ({
      instanceId: `i-${customerId}`,
      customerId,
      at: minutesAgo(40),
      appStatus: 'missing',
    })),
  });
  const told = async () => {
    const { body } = await request(server)
      .get(`${base}/v1/alerts/deliveries`)
      .set('Authorization', service)
      .expect(200);
    const byRule: Record<string, string[]> = {};
    for (const d of body.items)
      (byRule[d.ruleId] ??= []).push(
        `${d.subject} to ${d.recipients.join(',')}`,
      );
    for (const subjects of Object.values(byRule)) subjects.sort();
    return byRule;
  };
  return { ingest, told };
}

const toldOf = async (...args: Parameters<typeof fleetDown>) =>
  (await fleetDown(...args)).told();

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
        // Each customer's owner hears of its own, whoever made the rule;
        // c3 has none, and nobody but services may read it.
        mine: ['i-c1 to group:default/team-a', 'i-c2 to group:default/team-b'],
        'to-me': ['i-c1 to user:default/team-a'],
        'to-sre': [
          'i-c1 to group:default/sre',
          'i-c2 to group:default/sre',
          'i-c3 to group:default/sre',
        ],
      });
    });

    it('tells the default owner of a customer without owner only when users read every customer', async () => {
      const rules = [{ id: 'owners', caller: service, recipients: [] }];
      const { ingest, told } = await fleetDown(databaseId, rules);
      // The default owner reads no customer it does not own: its members
      // must not learn c3's name from a notification.
      expect(await told()).toEqual({
        owners: [
          'i-c1 to group:default/team-a',
          'i-c2 to group:default/team-b',
        ],
      });
      // The change was not claimed: c3's new owner hears of it.
      await ingest(
        'put',
        '/v1/customers/c3',
        testCustomer({
          name: 'Customer c3',
          licenseId: 'lic-c3',
          owner: 'group:default/team-c',
        }),
      );
      expect((await told()).owners).toContain('i-c3 to group:default/team-c');
      // Without readOwnCustomersOnly every user reads c3.
      expect(
        await toldOf(databaseId, rules, { readOwnCustomersOnly: false }),
      ).toEqual({
        owners: [
          'i-c1 to group:default/team-a',
          'i-c2 to group:default/team-b',
          'i-c3 to group:default/customer-success',
        ],
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
      expect((await save(service)).body.recipientsReadAs).toEqual({
        by: 'service:external:test-service',
        reads: 'all',
      });
      // Whose reads bound the recipients is said, not what they are.
      expect((await save(userHeader('team-a'))).body.recipientsReadAs).toEqual({
        by: 'user:default/team-a',
        reads: 'some',
      });
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
      // A rule saved before reads were kept: its recipients are unbounded.
      await knex('alert_rules').where({ id: 'r' }).update({ reads_as: null });
      const { body } = await request(server)
        .get(`${base}/v1/alerts/rules`)
        .set('Authorization', userHeader('team-a'))
        .expect(200);
      expect(body.items[0].recipientsReadAs).toBeNull();
    });
  },
);
