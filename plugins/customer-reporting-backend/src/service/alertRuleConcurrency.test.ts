import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseAlertRulesStore } from '../alerts/DatabaseAlertRulesStore';
import {
  ingestTeamCustomers,
  startWithProductionPolicy,
  userHeader,
} from '../__testUtils__/productionPolicyBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';

describe.each(databases.eachSupportedId())(
  'concurrent saves of one alert rule on %p',
  databaseId => {
    it('never drop a customer id the other saver could not see', async () => {
      const knex = await databases.init(databaseId);
      // team-a reads only c1, team-b only c2; both manage rules.
      const server = await startWithProductionPolicy(knex, {
        groups: {
          alertAdmins: ['group:default/team-a', 'group:default/team-b'],
        },
        readOwnCustomersOnly: true,
      });
      await ingestTeamCustomers(server);
      const save = (id: string, team: string, customerIds: string[]) =>
        request(server)
          .put(`${base}/v1/alerts/rules/${id}`)
          .set('Authorization', userHeader(team))
          .send({
            name: id,
            eventType: 'instance-unavailable',
            filters: { customerIds },
          });
      const stored = async (id: string) =>
        JSON.parse(
          (await knex('alert_rules').where({ id }).first()).filters,
        ).customerIds.sort();
      // Several rounds: each is a race whose loser, on the old code, wrote
      // the rule as it read it before the other's save. Two savers: each
      // loses at most once and is tried again, so both are answered 200.
      for (const round of [1, 2, 3, 4]) {
        const id = `race-${round}`;
        // Made by both at once, then changed by both at once.
        const made = await Promise.all([
          save(id, 'team-a', ['c1']),
          save(id, 'team-b', ['c2']),
        ]);
        expect(made.map(r => r.status)).toEqual([200, 200]);
        expect([id, await stored(id)]).toEqual([id, ['c1', 'c2']]);
        await save(id, 'team-a', []).expect(200);
        const changed = await Promise.all([
          save(id, 'team-a', ['c1']),
          save(id, 'team-b', []),
        ]);
        expect(changed.map(r => r.status)).toEqual([200, 200]);
        // team-b's save keeps c1, which it cannot see, whichever came last.
        expect([id, await stored(id)]).toEqual([id, ['c1']]);
      }
    });

    it('answers 409 naming the rule once every try lost its race', async () => {
      const knex = await databases.init(databaseId);
      const server = await startWithProductionPolicy(knex, {
        groups: { alertAdmins: ['group:default/team-a'] },
      });
      // Another save always comes between this one's read and its write.
      const put = jest
        .spyOn(DatabaseAlertRulesStore.prototype, 'putRule')
        .mockResolvedValue('conflict');
      try {
        const res = await request(server)
          .put(`${base}/v1/alerts/rules/busy`)
          .set('Authorization', userHeader('team-a'))
          .send({ name: 'busy', eventType: 'instance-unavailable' });
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({
          name: 'ConflictError',
          message: expect.stringContaining('Alert rule busy was changed'),
        });
        expect(put).toHaveBeenCalledTimes(3);
      } finally {
        put.mockRestore();
      }
      expect(await knex('alert_rules').where({ id: 'busy' })).toEqual([]);
    });
  },
);
