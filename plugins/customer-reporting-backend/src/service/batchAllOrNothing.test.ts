import request from 'supertest';
import { Knex } from 'knex';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { testCustomer } from '../__testUtils__/fixtures';
import {
  API_BASE,
  SERVICE_AUTH,
  startSeededBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create();

const TABLES = [
  'instances',
  'check_ins',
  'instance_events',
  'instance_spans',
  'install_attempts',
  'install_attempt_events',
  'portal_events',
];

/** Every row the ingest writes or derives, to compare before and after. */
async function snapshot(knex: Knex) {
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) rows[table] = await knex(table).select();
  return rows;
}

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * A full batch whose last item is refused only by the database's state (an
 * instance or attempt of another customer), after 999 good ones that
 * create instances and attempts and extend a stored instance: nothing of it
 * is stored, derived rows included.
 */
describe.each(databases.eachSupportedId())(
  'a refused batch of 1,000 on %p',
  databaseId => {
    async function setup(id: TestDatabaseId) {
      const knex = await databases.init(id);
      // The default body limit (5 MiB) takes a full batch.
      const server = await startSeededBackend(knex);
      const post = (path: string, body: object) =>
        request(server)
          .post(`${API_BASE}/v1/${path}`)
          .set('Authorization', SERVICE_AUTH)
          .send(body);
      await request(server)
        .put(`${API_BASE}/v1/customers/c2`)
        .set('Authorization', SERVICE_AUTH)
        .send(testCustomer({ name: 'Globex', licenseId: 'lic-g' }))
        .expect(200);
      await post('check-ins', {
        checkIns: [
          { instanceId: 'theirs', customerId: 'c2', at: minutesAgo(90) },
          {
            instanceId: 'mine',
            customerId: 'c1',
            at: minutesAgo(90),
            appStatus: 'ready',
          },
        ],
      }).expect(200);
      await post('install-attempt-events', {
        events: [
          {
            attemptId: 'their-attempt',
            customerId: 'c2',
            type: 'started',
            at: minutesAgo(90),
          },
        ],
      }).expect(200);
      return { knex, post };
    }

    it('stores nothing of check-ins, instances, events or spans', async () => {
      const { knex, post } = await setup(databaseId);
      const before = await snapshot(knex);
      const good = Array.from({ length: 999 }, (_, i) => ({
        instanceId: i % 2 ? `new-${i % 20}` : 'mine',
        customerId: 'c1',
        at: minutesAgo(60 - i / 100),
        appStatus: i % 3 ? 'ready' : 'degraded',
        cloudRegion: `region-${i % 7}`,
      }));
      const res = await post('check-ins', {
        checkIns: [
          ...good,
          { instanceId: 'theirs', customerId: 'c1', at: minutesAgo(1) },
        ],
      }).expect(400);
      expect(res.body.error.issues).toEqual([
        {
          index: 999,
          field: 'customerId',
          message: 'instance theirs belongs to customer c2, not c1',
        },
      ]);
      expect(await snapshot(knex)).toEqual(before);
    });

    it('stores nothing of attempt events or attempts', async () => {
      const { knex, post } = await setup(databaseId);
      const before = await snapshot(knex);
      const good = Array.from({ length: 999 }, (_, i) => ({
        attemptId: `attempt-${i % 100}`,
        customerId: 'c1',
        type: i < 100 ? 'started' : 'failed',
        at: minutesAgo(60 - i / 100),
      }));
      const res = await post('install-attempt-events', {
        events: [
          ...good,
          {
            attemptId: 'their-attempt',
            customerId: 'c1',
            type: 'completed',
            at: minutesAgo(1),
          },
        ],
      }).expect(400);
      expect(res.body.error.issues).toEqual([
        {
          index: 999,
          field: 'customerId',
          message: 'attempt their-attempt belongs to customer c2, not c1',
        },
      ]);
      expect(await snapshot(knex)).toEqual(before);
    });
  },
);
