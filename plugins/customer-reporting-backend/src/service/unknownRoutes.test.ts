import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startSeededBackend } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const base = '/api/customer-reporting';
const user = mockCredentials.user.header('user:default/alice');

/**
 * A path or method the API does not have is a 404 with the error body
 * every other answer has (api.md, Errors), not an empty one.
 */
describe('requests outside the API', () => {
  it.each([
    ['get', '/v1/nope'],
    ['get', '/v1/instances/'],
    ['get', '/v1/customers/c1'],
    ['delete', '/v1/customers'],
    ['post', '/v1/customers/c1/report'],
  ] as const)('%s %s answers 404 with a JSON error', async (method, path) => {
    const server = await startSeededBackend(await databases.init('SQLITE_3'), {
      anonymous: true,
    });
    const res = await request(server)
      [method](`${base}${path}`)
      .set('Authorization', user);
    expect([res.status, res.body.error]).toEqual([
      404,
      {
        name: 'NotFoundError',
        message: `No such route: ${method.toUpperCase()} ${path}`,
      },
    ]);
  });

  it('still needs credentials there', async () => {
    const server = await startSeededBackend(await databases.init('SQLITE_3'), {
      anonymous: true,
    });
    await request(server).get(`${base}/v1/nope`).expect(401);
  });
});
