import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startWithCustomers } from '../__testUtils__/customerActionsBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const base = '/api/customer-reporting';
const user = mockCredentials.user.header('user:default/alice');

/**
 * A route whose body the spec requires, called without one: a 400 that
 * says the body is what is missing (api.md, Errors: "says which field"),
 * not the validator's "unsupported media type undefined".
 */
describe('a request without the body its route requires', () => {
  it.each([
    ['put', '/v1/customers/c1/enterprise-portal'],
    ['post', '/v1/customers/c1/enterprise-portal/invitations'],
    ['put', '/v1/instances/i1/archived'],
    ['put', '/v1/alerts/rules/r1'],
  ] as const)('%s %s answers 400 naming the body', async (method, path) => {
    const { server } = await startWithCustomers(
      await databases.init('SQLITE_3'),
    );
    const res = await request(server)
      [method](`${base}${path}`)
      .set('Authorization', user)
      .expect(400);
    expect(res.body.error).toEqual({
      name: 'InputError',
      message:
        'request/body is required: a JSON object (Content-Type: application/json)',
    });
  });
});
