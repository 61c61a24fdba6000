import request from 'supertest';
import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { testCustomer } from '../__testUtils__/fixtures';
import { API_BASE as base, SERVICE_AUTH } from '../__testUtils__/testBackend';
import { startWithCustomers } from '../__testUtils__/customerActionsBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const user = mockCredentials.user.header('user:default/alice');
const hoursAgo = (h: number) =>
  new Date(Date.now() - h * 3600_000).toISOString();

async function start(databaseId: TestDatabaseId) {
  const { server, knex } = await startWithCustomers(
    await databases.init(databaseId),
  );
  const send = (path: string, body: object) =>
    request(server)
      .put(`${base}${path}`)
      .set('Authorization', SERVICE_AUTH)
      .send(body)
      .expect(200);
  // c3 holds a development license.
  await send('/v1/customers/c3', testCustomer({ licenseType: 'dev' }));
  await request(server)
    .post(`${base}/v1/check-ins`)
    .set('Authorization', SERVICE_AUTH)
    .send({
      checkIns: [
        { instanceId: 'active', customerId: 'c1', at: hoursAgo(1) },
        // Exactly like the 24 h rule: 25 h without a check-in is inactive.
        { instanceId: 'inactive', customerId: 'c1', at: hoursAgo(25) },
        {
          instanceId: 'airgap',
          customerId: 'c1',
          at: hoursAgo(1),
          airgap: true,
        },
        { instanceId: 'dev', customerId: 'c3', at: hoursAgo(1) },
      ],
    })
    .expect(200);
  const archive = (instanceId: string, archived: boolean) =>
    request(server)
      .put(`${base}/v1/instances/${instanceId}/archived`)
      .set('Authorization', user)
      .send({ archived });
  const report = async (customerId: string, query = '') =>
    (
      await request(server)
        .get(`${base}/v1/customers/${customerId}/report${query}`)
        .set('Authorization', user)
        .expect(200)
    ).body;
  return { server, knex, archive, report };
}

describe.each(databases.eachSupportedId())(
  'archiving instances on %p',
  databaseId => {
    it('archives inactive, air gap and development-license instances only', async () => {
      const { archive, report, knex, server } = await start(databaseId);
      const refused = await archive('active', true).expect(409);
      expect(refused.body.error.message).toBe(
        'Instance active is active: only inactive, air gap or development-license instances may be archived',
      );
      for (const id of ['inactive', 'airgap', 'dev']) {
        const res = await archive(id, true).expect(200);
        expect(res.body).toEqual({ archived: true });
      }
      // Hidden by default, counted apart, shown when asked for.
      const shown = await report('c1', '?includeInactive=true');
      expect(shown.instances.map((i: { id: string }) => i.id)).toEqual([
        'active',
      ]);
      expect(shown.instanceCounts).toEqual({
        active: 1,
        airgap: 0,
        inactive: 0,
        archived: 2,
      });
      const all = await report(
        'c1',
        '?includeInactive=true&includeArchived=true',
      );
      expect(
        all.instances
          .filter((i: { archived: boolean }) => i.archived)
          .map((i: { id: string }) => i.id)
          .sort(),
      ).toEqual(['airgap', 'inactive']);
      // Unarchiving is always allowed; it brings the air gap instance back.
      await archive('airgap', false).expect(200);
      expect((await report('c1')).instanceCounts).toMatchObject({
        airgap: 1,
        archived: 1,
      });
      // The refusal changed nothing; each change is in the audit trail.
      const active = await knex('instances')
        .where({ id: 'active' })
        .first('archived');
      expect(Boolean(active.archived)).toBe(false);
      const audit = await request(server)
        .get(`${base}/v1/customers/c1/audit`)
        .set('Authorization', user)
        .expect(200);
      expect(
        audit.body.items.map((i: { action: string; details: object }) => [
          i.action,
          i.details,
        ]),
      ).toEqual([
        ['instance-unarchived', { instanceId: 'airgap' }],
        ['instance-archived', { instanceId: 'airgap' }],
        ['instance-archived', { instanceId: 'inactive' }],
      ]);
    });

    it('names what is wrong: unknown instance, bad body', async () => {
      const { archive, server } = await start(databaseId);
      const unknown = await archive('ghost', true).expect(404);
      expect(unknown.body.error.message).toBe('Unknown instance: ghost');
      const bad = await request(server)
        .put(`${base}/v1/instances/inactive/archived`)
        .set('Authorization', user)
        .send({ archived: 'yes' })
        .expect(400);
      expect(bad.body.error.message).toMatch(/archived must be boolean/);
    });
  },
);
