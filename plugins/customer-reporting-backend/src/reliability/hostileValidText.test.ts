import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(180_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const service = mockCredentials.service.header();
const recent = () => new Date(Date.now() - 3600_000).toISOString();

describe.each(databases.eachSupportedId())(
  'hostile but valid text on %p',
  databaseId => {
    it('stores SQL, HTML and unicode verbatim as text', async () => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          customerReportingPlugin,
          mockServices.database.factory({ knex }),
        ],
      });
      const name = `Robert'); DROP TABLE customers;-- <script>alert("x")</script> Ünïcødé 😀`;
      await request(server)
        .put(`${base}/v1/apps/test-app`)
        .set('Authorization', service)
        .send(TEST_APP)
        .expect(200);
      await request(server)
        .put(`${base}/v1/customers/c1`)
        .set('Authorization', service)
        .send(testCustomer({ name }))
        .expect(200);
      await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
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
        .get(`${base}/v1/customers/c1/report`)
        .set('Authorization', service)
        .expect(200);
      expect(report.body.customer.name).toBe(name);
      expect(report.body.instances[0].name).toBe('<b>prod</b>');
      expect(await knex.schema.hasTable('customers')).toBe(true);
    });
  },
);
