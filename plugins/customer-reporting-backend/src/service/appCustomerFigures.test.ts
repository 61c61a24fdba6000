import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  API_BASE,
  SERVICE_AUTH,
  startSeededBackend,
} from '../__testUtils__/testBackend';
import { testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create();

/** Daily check-ins at 12:00 on these June 2024 days. */
const daily = (
  instanceId: string,
  customerId: string,
  days: number[],
  releaseSequence: number,
  statusOf: (day: number) => string = () => 'ready',
) =>
  days.map(day => ({
    instanceId,
    customerId,
    at: `2024-06-${String(day).padStart(2, '0')}T12:00:00Z`,
    appStatus: statusOf(day),
    releaseSequence,
  }));
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe.each(databases.eachSupportedId())(
  'GET /v1/apps/{appSlug}/customer-figures on %p',
  databaseId => {
    it('gives the Customers card’s figures of every customer in one answer', async () => {
      const server = await startSeededBackend(await databases.init(databaseId));
      await request(server)
        .put(`${API_BASE}/v1/customers/c2`)
        .set('Authorization', SERVICE_AUTH)
        .send(testCustomer({ name: 'Globex', licenseId: 'lic-globex' }))
        .expect(200);
      // Test app: 1.0.0 (sequence 1) on May 1, 1.1.0 (sequence 2) on June 1.
      await request(server)
        .post(`${API_BASE}/v1/check-ins`)
        .set('Authorization', SERVICE_AUTH)
        .send({
          checkIns: [
            ...daily('i1', 'c1', range(17, 30), 2),
            // Down for the last day of its 13 observed days.
            ...daily('i2', 'c1', range(17, 30), 1, day =>
              day === 29 ? 'unavailable' : 'ready',
            ),
            ...daily('i3', 'c2', range(17, 30), 2),
            // Inactive since June 21: left out.
            ...daily('i4', 'c2', range(17, 20), 1, () => 'missing'),
          ],
        })
        .expect(200);

      const { body } = await request(server)
        .get(
          `${API_BASE}/v1/apps/test-app/customer-figures?asOf=2024-06-30T12:00:00Z`,
        )
        .set('Authorization', SERVICE_AUTH)
        .expect(200);
      expect(body).toEqual({
        appSlug: 'test-app',
        asOf: '2024-06-30T12:00:00.000Z',
        customers: 2,
        activeCustomers: 2,
        versions: [
          { version: '2', instances: 2 },
          { version: '1', instances: 1 },
        ],
        customersBehind: 1,
        worstUptime: {
          customerId: 'c1',
          customerName: 'Acme Corp',
          instanceId: 'i2',
          ratio: 12 / 13,
        },
      });

      // Before c2's instances were active and with nothing listed later.
      const early = await request(server)
        .get(
          `${API_BASE}/v1/apps/test-app/customer-figures?asOf=2024-06-10T00:00:00Z`,
        )
        .set('Authorization', SERVICE_AUTH)
        .expect(200);
      expect(early.body).toMatchObject({
        customers: 2,
        activeCustomers: 0,
        versions: [],
        customersBehind: 0,
        worstUptime: null,
      });
      await request(server)
        .get(`${API_BASE}/v1/apps/nope/customer-figures`)
        .set('Authorization', SERVICE_AUTH)
        .expect(404);
    });
  },
);
