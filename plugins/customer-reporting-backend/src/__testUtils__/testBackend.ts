import request from 'supertest';
import { Knex } from 'knex';
import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from './fixtures';

export const API_BASE = '/api/customer-reporting';
export const SERVICE_AUTH = mockCredentials.service.header();

export interface SeededBackendOptions {
  /** The root config, e.g. `{ customerReporting: { ... } }`. */
  config?: JsonObject;
  /**
   * A request without credentials is anonymous, as on a real backend (the
   * test backend takes it as a user's).
   */
  anonymous?: boolean;
  /** Fields of customer `c1` other than testCustomer()'s. */
  customer?: Record<string, unknown>;
  /** More features or service factories. */
  features?: BackendFeature[];
}

/**
 * The plugin in a test backend on the given database, with the test app and
 * customer `c1` created through the HTTP API.
 */
export async function startSeededBackend(
  knex: Knex,
  { config, anonymous, customer, features = [] }: SeededBackendOptions = {},
) {
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      mockServices.database.factory({ knex }),
      ...(anonymous
        ? [
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
          ]
        : []),
      ...(config ? [mockServices.rootConfig.factory({ data: config })] : []),
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
    .send(testCustomer(customer))
    .expect(200);
  return server;
}
