import request from 'supertest';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { anHourAgo, startRouterBackend } from '../__testUtils__/routerBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';

async function startBackend(databaseId: TestDatabaseId) {
  return startRouterBackend(await databases.init(databaseId));
}

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

// More nodes ready than there are is bad input; the check stays within one
// check-in (docs/metrics.md, Instance events).
describe.each(databases.eachSupportedId())(
  'kURL node counts on %p',
  databaseId => {
    it('refuses more nodes ready than nodes in one check-in, storing nothing of the batch', async () => {
      const { server, service, knex } = await startBackend(databaseId);
      const res = await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send({
          checkIns: [
            { instanceId: 'k1', customerId: 'c1', at: anHourAgo },
            {
              instanceId: 'k2',
              customerId: 'c1',
              at: anHourAgo,
              kurlNodesTotal: 2,
              kurlNodesReady: 3,
            },
          ],
        })
        .expect(400);
      expect(res.body.error.issues).toEqual([
        {
          index: 1,
          field: 'kurlNodesReady',
          message: 'must not be more than kurlNodesTotal (2)',
        },
      ]);
      const [{ count }] = await knex('instances').count({ count: '*' });
      expect(Number(count)).toBe(0);
    });

    it('takes as many ready as there are, and a count stated alone', async () => {
      const { server, service } = await startBackend(databaseId);
      const res = await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send({
          checkIns: [
            {
              instanceId: 'k1',
              customerId: 'c1',
              at: minutesAgo(30),
              kurlNodesTotal: 3,
              kurlNodesReady: 3,
            },
            {
              instanceId: 'k1',
              customerId: 'c1',
              at: minutesAgo(20),
              kurlNodesTotal: 0,
              kurlNodesReady: 0,
            },
            // Not compared with the total of another check-in: which one
            // came before may change as late check-ins arrive.
            {
              instanceId: 'k1',
              customerId: 'c1',
              at: minutesAgo(10),
              kurlNodesReady: 4,
            },
          ],
        })
        .expect(200);
      expect(res.body).toEqual({ accepted: 3, duplicates: 0 });
    });
  },
);
