import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import { startRouterBackend } from '../__testUtils__/routerBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const base = '/api/customer-reporting';

// Every error is the JSON error format, a request the API has no route for
// too: a client reads `error.message` whatever went wrong.
describe('requests the API has no route for', () => {
  it('answer 404 in the JSON error format, naming method and path', async () => {
    const { server, service } = await startRouterBackend(
      await databases.init('SQLITE_3'),
    );
    for (const [method, path] of [
      ['get', '/v1/no-such-thing'],
      ['get', '/v1/check-ins'],
      ['delete', '/v1/customers/c1'],
      ['post', '/v1/apps/test-app'],
    ] as const) {
      const res = await request(server)
        [method](`${base}${path}`)
        .set('Authorization', service)
        .expect(404);
      expect(res.body.error).toEqual({
        name: 'NotFoundError',
        message: `No route ${method.toUpperCase()} ${path}`,
      });
    }
    // Without credentials the answer is still 401 first.
    await request(server).get(`${base}/v1/no-such-thing`).expect(401);
  });
});
