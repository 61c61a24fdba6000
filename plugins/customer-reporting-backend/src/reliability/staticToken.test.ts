import request from 'supertest';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const base = '/api/customer-reporting';
const TOKEN = 'static-token-for-tests-0123456789';
const INGEST_TOKEN = 'ingest-only-token-for-tests-0123456789';

/**
 * The static-token columns of the auth matrix, with Backstage's real auth and
 * permission services (the mocks know no static tokens): external callers
 * holding a token from backend.auth.externalAccess are services, and
 * `accessRestrictions` (as in docs/permissions.md) limit one to ingest.
 */
describe('static tokens from backend.auth.externalAccess', () => {
  it('may write and read; an ingest-only token only writes; a wrong or missing token may not', async () => {
    const { server } = await startTestBackend({
      features: [
        customerReportingPlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            backend: {
              baseUrl: 'http://localhost:7007',
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: { token: TOKEN, subject: 'ingest-bot' },
                  },
                  {
                    type: 'static',
                    options: {
                      token: INGEST_TOKEN,
                      subject: 'customer-reporting-ingest',
                    },
                    accessRestrictions: [
                      {
                        plugin: 'customer-reporting',
                        permission: 'customer-reporting.ingest',
                      },
                    ],
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    const auth = `Bearer ${TOKEN}`;
    await request(server)
      .put(`${base}/v1/apps/test-app`)
      .set('Authorization', auth)
      .send(TEST_APP)
      .expect(200);
    await request(server)
      .put(`${base}/v1/customers/c1`)
      .set('Authorization', auth)
      .send(testCustomer())
      .expect(200);
    const checkIn = {
      checkIns: [
        {
          instanceId: 'i1',
          customerId: 'c1',
          at: new Date(Date.now() - 60_000).toISOString(),
        },
      ],
    };
    await request(server)
      .post(`${base}/v1/check-ins`)
      .set('Authorization', auth)
      .send(checkIn)
      .expect(200);
    const list = await request(server)
      .get(`${base}/v1/customers`)
      .set('Authorization', auth)
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual(['c1']);

    const ingestOnly = `Bearer ${INGEST_TOKEN}`;
    await request(server)
      .post(`${base}/v1/check-ins`)
      .set('Authorization', ingestOnly)
      .send(checkIn)
      .expect(200);
    for (const [method, path] of [
      ['get', '/v1/customers'],
      ['get', '/v1/customers/c1/report'],
      ['get', '/v1/customers/c1/license'],
      ['get', '/v1/exports/customers.csv'],
      ['post', '/v1/customers/c1/download-portal/password'],
    ] as const) {
      const res = await request(server)
        [method](`${base}${path}`)
        .set('Authorization', ingestOnly)
        .send({});
      expect([path, res.status]).toEqual([path, 403]);
    }

    await request(server)
      .post(`${base}/v1/check-ins`)
      .set('Authorization', 'Bearer not-the-token-at-all')
      .send(checkIn)
      .expect(401);
    await request(server)
      .post(`${base}/v1/check-ins`)
      .send(checkIn)
      .expect(401);
  });
});
