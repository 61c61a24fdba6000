import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  API_BASE,
  SERVICE_AUTH,
  startSeededBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(180_000);

const databases = TestDatabases.create();
const recent = () => new Date(Date.now() - 3600_000).toISOString();

describe.each(databases.eachSupportedId())(
  'hostile but valid text on %p',
  databaseId => {
    it('stores SQL, HTML and unicode verbatim as text', async () => {
      const knex = await databases.init(databaseId);
      const name = `Robert'); DROP TABLE customers;-- <script>alert("x")</script> Ünïcødé 😀`;
      const server = await startSeededBackend(knex, { customer: { name } });
      await request(server)
        .post(`${API_BASE}/v1/check-ins`)
        .set('Authorization', SERVICE_AUTH)
        .send({
          checkIns: [
            {
              instanceId: 'i1',
              customerId: 'c1',
              at: recent(),
              tags: { name: '<b>prod</b>' },
            },
          ],
        })
        .expect(200);
      const report = await request(server)
        .get(`${API_BASE}/v1/customers/c1/report`)
        .set('Authorization', SERVICE_AUTH)
        .expect(200);
      expect(report.body.customer.name).toBe(name);
      expect(report.body.instances[0].name).toBe('<b>prod</b>');
      expect(await knex.schema.hasTable('customers')).toBe(true);
    });
  },
);
