import request from 'supertest';
import { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from './fixtures';

/** The router runs on the real clock: data must be recent. */
export const anHourAgo = new Date(Date.now() - 3600_000).toISOString();

/**
 * The plugin in a test backend that sees requests as a real one does
 * (anonymous unless a header says otherwise) with a 100 kB body limit; the
 * test app and customer c1 are created through the API.
 */
export async function startRouterBackend(knex: Knex) {
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      mockServices.database.factory({ knex }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: { customerReporting: { ingest: { maxBodyBytes: 100_000 } } },
      }),
    ],
  });
  const service = mockCredentials.service.header();
  await request(server)
    .put('/api/customer-reporting/v1/apps/test-app')
    .set('Authorization', service)
    .send(TEST_APP)
    .expect(200);
  await request(server)
    .put('/api/customer-reporting/v1/customers/c1')
    .set('Authorization', service)
    .send(testCustomer({ createdAt: '2024-06-01T09:00:00Z' }))
    .expect(200);
  return { server, knex, service, user: mockCredentials.user.header() };
}
