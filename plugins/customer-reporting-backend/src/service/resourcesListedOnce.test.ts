import request from 'supertest';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { anHourAgo, startRouterBackend } from '../__testUtils__/routerBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';

async function startBackend(databaseId: TestDatabaseId) {
  return startRouterBackend(await databases.init(databaseId));
}

const resource = (kind: string, namespace: string, name: string) => ({
  kind,
  namespace,
  name,
  state: 'ready',
});

// Kind, namespace and name identify a Kubernetes resource: a check-in that
// lists one twice is bad input (docs/ingest.md, check-ins).
describe.each(databases.eachSupportedId())(
  'resources listed once on %p',
  databaseId => {
    it('refuses a check-in listing a resource twice, naming the repeat and storing nothing of the batch', async () => {
      const { server, service, knex } = await startBackend(databaseId);
      const res = await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send({
          checkIns: [
            { instanceId: 'r1', customerId: 'c1', at: anHourAgo },
            {
              instanceId: 'r2',
              customerId: 'c1',
              at: anHourAgo,
              resourceStates: [
                resource('Deployment', 'app', 'api'),
                resource('StatefulSet', 'app', 'db'),
                // The same resource once trimmed, as it would be stored.
                {
                  ...resource('Deployment', 'app', ' api '),
                  state: 'degraded',
                },
              ],
            },
          ],
        })
        .expect(400);
      expect(res.body.error.issues).toEqual([
        {
          index: 1,
          field: 'resourceStates.2',
          message:
            'has the kind, namespace and name of resourceStates.0; a resource is listed once',
        },
      ]);
      const [{ count }] = await knex('instances').count({ count: '*' });
      expect(Number(count)).toBe(0);
    });

    it('takes one name in two namespaces or of two kinds', async () => {
      const { server, service } = await startBackend(databaseId);
      const res = await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send({
          checkIns: [
            {
              instanceId: 'r1',
              customerId: 'c1',
              at: anHourAgo,
              resourceStates: [
                resource('Deployment', 'app', 'api'),
                resource('Deployment', 'staging', 'api'),
                resource('Service', 'app', 'api'),
              ],
            },
          ],
        })
        .expect(200);
      expect(res.body).toEqual({ accepted: 1, duplicates: 0 });
    });
  },
);
