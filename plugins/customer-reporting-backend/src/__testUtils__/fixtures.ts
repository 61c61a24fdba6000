import { Knex } from 'knex';
import { mockServices } from '@backstage/backend-test-utils';
import { createStores, Stores } from '../database/createStores';
import { IngestService } from '../ingest/IngestService';

/** A fixed "now" for tests: 2024-07-02T12:00:00Z. */
export const TEST_NOW = Date.parse('2024-07-02T12:00:00Z');

export const TEST_APP = {
  name: 'Test App',
  channels: [
    {
      slug: 'stable',
      name: 'Stable',
      releases: [
        {
          sequence: 1,
          versionLabel: '1.0.0',
          promotedAt: '2024-05-01T00:00:00Z',
        },
        {
          sequence: 2,
          versionLabel: '1.1.0',
          promotedAt: '2024-06-01T00:00:00Z',
        },
      ],
    },
    { slug: 'beta', name: 'Beta', releases: [] },
  ],
};

export function testCustomer(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Acme Corp',
    appSlug: 'test-app',
    channelSlug: 'stable',
    email: 'admin@acme.example.com',
    licenseType: 'paid',
    licenseId: 'lic-acme',
    createdAt: '2024-06-01T09:00:00Z',
    features: { gitops: true, airgap: false, identity: false, snapshots: true },
    ...overrides,
  };
}

/** A customer's features when Helm install is all it may use. */
export const HELM_INSTALL_ONLY = {
  gitops: false,
  airgap: false,
  identity: false,
  snapshots: false,
  helmInstall: true,
};

/** Migrated stores on the given test database, with one app and customer `c1`. */
export async function createTestIngest(
  knex: Knex,
  now: () => number = () => TEST_NOW,
): Promise<{
  stores: Stores;
  ingest: IngestService;
}> {
  const stores = await createStores(mockServices.database({ knex }));
  const ingest = new IngestService(stores, now);
  await ingest.putApp('test-app', TEST_APP);
  await ingest.putCustomer('c1', testCustomer());
  return { stores, ingest };
}
