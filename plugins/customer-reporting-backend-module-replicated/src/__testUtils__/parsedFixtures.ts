import { CUSTOMER_IDS, fixtureCustomer, fixtures } from '../__fixtures__';
import { mapApp } from '../mapApp';
import { parseApps } from '../parseApps';
import { parseCustomerPage, VendorCustomer } from '../parseCustomers';
import { parseInstances } from '../parseInstances';
import { NOW, testLogger } from './fakeVendorApi';

/** A fixture customer as the sync sees it, with its parsed instances. */
export function parsedCustomer(name: keyof typeof CUSTOMER_IDS) {
  const logger = testLogger();
  const customer = parseCustomerPage(
    { customers: [fixtureCustomer(CUSTOMER_IDS[name])] },
    logger,
  ).items[0];
  const { instances } = parseInstances(customer.instances, customer.id, logger);
  return { customer, instances, logger };
}

/** The nimbus app as parsed, and its channel slugs by channel id. */
export function parsedNimbus(customers: VendorCustomer[] = []) {
  const app = parseApps(fixtures.apps, testLogger()).apps[0];
  return { app, ...mapApp(app, customers, new Map(), NOW) };
}
