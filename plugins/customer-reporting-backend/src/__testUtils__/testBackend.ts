import request from 'supertest';
import { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from './fixtures';

export const API_BASE = '/api/customer-reporting';
export const SERVICE_AUTH = mockCredentials.service.header();

/**
 * The plugin in a test backend on the given database, with the test app and
 * customer `c1` created through the HTTP API.
 */
export async function startSeededBackend(knex: Knex, features: any[] = []) {
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      mockServices.database.factory({ knex }),
      ...features,
    ],
  });
  await request(server)
    .put(`${API_BASE}/v1/apps/test-app`)
    .set('Authorization', SERVICE_AUTH)
    .send(TEST_APP)
    .expect(200);
  await request(server)
    .put(`${API_BASE}/v1/customers/c1`)
    .set('Authorization', SERVICE_AUTH)
    .send(testCustomer())
    .expect(200);
  return server;
}
