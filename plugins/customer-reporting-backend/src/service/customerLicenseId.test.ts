import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import { testCustomer } from '../__testUtils__/fixtures';
import { startRouterBackend } from '../__testUtils__/routerBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';

// Domain §1: a customer's license ID is opaque and never changes.
describe.each(databases.eachSupportedId())(
  'a customer’s license ID on %p',
  databaseId => {
    it('refuses an update with another license ID with a 409 naming licenseId, storing nothing of it', async () => {
      const { server, service, knex } = await startRouterBackend(
        await databases.init(databaseId),
      );
      const put = (body: object) =>
        request(server)
          .put(`${base}/v1/customers/c9`)
          .set('Authorization', service)
          .send(body);
      await put(testCustomer({ name: 'Acme', licenseId: 'lic-1' })).expect(200);
      const changed = await put(
        testCustomer({ name: 'Acme Renamed', licenseId: 'lic-2' }),
      ).expect(409);
      expect(changed.body.error).toEqual({
        name: 'ConflictError',
        message:
          'licenseId: customer c9 already has another license ID, and a license ID never changes; nothing was stored',
      });
      // The stored license ID is a registry password: never echoed.
      expect(JSON.stringify(changed.body)).not.toContain('lic-1');
      const row = await knex('customers').where({ id: 'c9' }).first();
      expect({ name: row.name, licenseId: row.license_id }).toEqual({
        name: 'Acme',
        licenseId: 'lic-1',
      });
      // With its own license ID, the update goes through.
      const renamed = await put(
        testCustomer({ name: 'Acme Renamed', licenseId: 'lic-1' }),
      ).expect(200);
      expect(renamed.body.name).toBe('Acme Renamed');
    });
  },
);
