import { generateKeyPairSync } from 'crypto';
import request from 'supertest';
import { Knex } from 'knex';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { HELM_INSTALL_ONLY, testCustomer } from './fixtures';
import { API_BASE, SERVICE_AUTH, startSeededBackend } from './testBackend';

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

/**
 * The plugin in a test backend configured for the customer actions (license
 * key, Helm registry, Download Portal) with customers c1 (paid, Helm install
 * on) and c2 (trial, beta channel).
 */
export async function startWithCustomers(
  knex: Knex,
  extraFeatures: BackendFeature[] = [],
) {
  const logger = mockServices.logger.mock();
  const server = await startSeededBackend(knex, {
    anonymous: true,
    config,
    customer: { features: HELM_INSTALL_ONLY },
    features: [logger.factory, ...extraFeatures],
  });
  await request(server)
    .put(`${API_BASE}/v1/customers/c2`)
    .set('Authorization', SERVICE_AUTH)
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
