import { generateKeyPairSync } from 'crypto';
import request from 'supertest';
import { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from './fixtures';

const base = '/api/customer-reporting';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
/** The license signing key's public half, to verify downloaded licenses. */
export const licensePublicKey = publicKey;
const config = {
  customerReporting: {
    license: {
      signingKey: privateKey
        .export({ format: 'pem', type: 'pkcs8' })
        .toString(),
    },
    helm: {
      registryHost: 'registry.acme.test',
      chartNames: { 'test-app': 'test-chart' },
    },
    downloadPortal: { baseUrl: 'https://get.acme.test/' },
  },
};
const service = mockCredentials.service.header();

/**
 * The plugin in a test backend configured for the customer actions (license
 * key, Helm registry, Download Portal) with customers c1 (paid, Helm install
 * on) and c2 (trial, beta channel).
 */
export async function startWithCustomers(
  knex: Knex,
  extraFeatures: any[] = [],
) {
  const logger = mockServices.logger.mock();
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      mockServices.database.factory({ knex }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({ data: config }),
      logger.factory,
      ...extraFeatures,
    ],
  });
  await request(server)
    .put(`${base}/v1/apps/test-app`)
    .set('Authorization', service)
    .send(TEST_APP)
    .expect(200);
  await request(server)
    .put(`${base}/v1/customers/c1`)
    .set('Authorization', service)
    .send(
      testCustomer({
        features: {
          gitops: false,
          airgap: false,
          identity: false,
          snapshots: false,
          helmInstall: true,
        },
      }),
    )
    .expect(200);
  await request(server)
    .put(`${base}/v1/customers/c2`)
    .set('Authorization', service)
    .send(
      testCustomer({
        name: 'Trial Co',
        licenseType: 'trial',
        licenseId: 'lic-t',
        channelSlug: 'beta',
      }),
    )
    .expect(200);
  return { server, knex, logger };
}
