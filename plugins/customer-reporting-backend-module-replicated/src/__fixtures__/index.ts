import apps from './apps.json';
import customers from './customers.json';
import customerUsers from './customerUsers.json';
import events from './events.json';
import installAttempts from './installAttempts.json';
import portalInstances from './portalInstances.json';
import releases from './releases.json';
import serviceAccounts from './serviceAccounts.json';
import supportBundles from './supportBundles.json';
import { VendorApiFixtures } from '../../dev/vendorApiHandlers';

/**
 * Vendor API records for app `nimbus` (and an unsynced `orbit`), written
 * with the specification's definitions and checked against them by
 * vendorApiContract.test.ts.
 */
export const fixtures = {
  apps,
  customers,
  events,
  releases,
  installAttempts,
  customerUsers,
  serviceAccounts,
  portalInstances,
  supportBundles,
} as VendorApiFixtures;

export const NIMBUS_APP_ID = '2hZtQv3nRkWb8s1mYpLcD4eFgHj';

export const CUSTOMER_IDS = {
  acme: '2jAcmeC0rpQ1w2e3r4t5y6u7i8o',
  globex: '2jGlobexQ9w8e7r6t5y4u3i2o1p',
  initech: '2jInitechZx1c2v3b4n5m6l7k8j',
  broken: '2jBrokenQ1a2z3w4s5x6e7d8c9r',
  umbrella: '2jUmbrellaP0o9i8u7y6t5r4e3w',
  hooli: '2jHooliQaz2wsx3edc4rfv5tgb6',
  test: '2jTestCustZ1x2c3v4b5n6m7a8s',
};

/** The fixture customer record with this id (with its instances). */
export function fixtureCustomer(id: string): Record<string, unknown> {
  return fixtures.customers[NIMBUS_APP_ID].find(c => c.id === id)!;
}
