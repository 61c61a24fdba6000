import { LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { forEachLimited } from './forEachLimited';
import {
  parseCustomerDetail,
  parseCustomerPage,
  VendorCustomer,
} from './parseCustomers';
import {
  parseInstallAttempts,
  VendorInstallAttempt,
} from './parseInstallAttempts';
import { parseInstances, VendorInstance } from './parseInstances';
import { pullPages } from './pullPages';
import { SyncCounts } from './syncCounts';
import { VendorApiClient } from './VendorApiClient';

/** Requests under way at once for per-customer details. */
const CONCURRENCY = 4;

export interface CustomerData {
  customer: VendorCustomer;
  instances: VendorInstance[];
  attempts: VendorInstallAttempt[];
}

/** The answer, or `fallback` when the API says 404 (gone, or not enabled). */
async function unless404<T>(request: Promise<T>, fallback: T): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ResponseError && error.statusCode === 404)
      return fallback;
    throw error;
  }
}

/**
 * Every customer of an app with its instances and Enterprise Portal install
 * attempts: the paged customer list, then per customer its detail (which
 * holds the instances) and its install attempts.
 */
export async function pullCustomerData(options: {
  client: VendorApiClient;
  appId: string;
  includeTest: boolean;
  logger: LoggerService;
  counts: SyncCounts;
}): Promise<CustomerData[]> {
  const { client, appId, includeTest, logger, counts } = options;
  const customers = await pullPages(async currentPage => {
    const page = parseCustomerPage(
      await client.listCustomers(appId, currentPage, includeTest),
      logger,
    );
    counts.add('skipped', page.skipped);
    return page;
  }, 'next');

  // In list order, whatever order the requests finish in.
  const data: CustomerData[] = new Array(customers.length);
  await forEachLimited(customers, CONCURRENCY, async (listed, index) => {
    const detailAnswer = await unless404(
      client.getCustomer(appId, listed.id),
      undefined,
    );
    // The detail is the fresher record; the listed one stands in when it is unusable.
    const customer =
      (detailAnswer !== undefined &&
        parseCustomerDetail(detailAnswer, logger)) ||
      listed;
    const instances = parseInstances(customer.instances, customer.id, logger);
    const attempts = parseInstallAttempts(
      await unless404(client.listInstallAttempts(appId, customer.id), []),
      logger,
    );
    counts.add('skipped', instances.skipped + attempts.skipped);
    data[index] = {
      customer,
      instances: instances.instances,
      attempts: attempts.attempts,
    };
  });
  return data;
}
