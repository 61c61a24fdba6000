import { LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { forEachLimited } from './forEachLimited';
import { parseCustomerPage, VendorCustomer } from './parseCustomers';
import {
  parseInstallAttemptPage,
  VendorInstallAttempt,
} from './parseInstallAttempts';
import { parseInstances, VendorInstance } from './parseInstances';
import {
  parsePortalInstancePage,
  VendorPortalInstance,
} from './parsePortalInstances';
import {
  parseSupportBundles,
  VendorSupportBundle,
} from './parseSupportBundles';
import {
  parsePortalUserPage,
  parseServiceAccountPage,
  VendorPortalUser,
  VendorServiceAccount,
} from './parsePortalAccounts';
import { Page, PAGE_SIZE, pullPages } from './pullPages';
import { SyncCounts } from './syncCounts';
import { VendorApiClient } from './VendorApiClient';

/** Customers whose Enterprise Portal lists are pulled at once. */
const CONCURRENCY = 4;

/** A customer's instance, with the Enterprise Portal's record of it if any. */
export type SyncedInstance = VendorInstance & { portal?: VendorPortalInstance };

export interface CustomerData {
  customer: VendorCustomer;
  instances: SyncedInstance[];
  attempts: VendorInstallAttempt[];
  users: VendorPortalUser[];
  serviceAccounts: VendorServiceAccount[];
  /** Its uploaded support bundles (Enterprise Portal customers only). */
  supportBundles: VendorSupportBundle[];
}

/**
 * The answer, or `fallback` when the API answers one of `statuses`; given
 * `logger`, that is logged, since the sync then goes on without it.
 */
async function answerOr<T>(
  request: Promise<T>,
  fallback: T,
  statuses: number[],
  logger?: LoggerService,
): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (
      !(error instanceof ResponseError) ||
      !statuses.includes(error.statusCode)
    )
      throw error;
    logger?.warn(`Not read, the sync goes on without it: ${error.message}`);
    return fallback;
  }
}

/** A customer's Enterprise Portal list answers 404 when it is gone or not enabled. */
const NOT_ENABLED = [404];

/**
 * A list that only adds detail to what the sync has (portal instances,
 * support bundles): a token may well lack the policy to read it (403).
 */
const OPTIONAL = [403, 404];

/**
 * The team's support bundles by customer id (an OPTIONAL list).
 * The answer is one unpaged list; a `totalCount` above what it holds is
 * logged, since bundles would then be missing.
 */
async function pullSupportBundles(
  client: VendorApiClient,
  logger: LoggerService,
  counts: SyncCounts,
): Promise<Map<string, VendorSupportBundle[]>> {
  const byCustomer = new Map<string, VendorSupportBundle[]>();
  const answer = await answerOr(
    client.listSupportBundles(),
    undefined,
    OPTIONAL,
    logger,
  );
  if (answer === undefined) return byCustomer;
  const { items, skipped, received, total } = parseSupportBundles(
    answer,
    logger,
  );
  if (total !== undefined && total > received)
    logger.warn(
      `GET /supportbundles listed ${received} of ${total} support bundles`,
    );
  counts.add('skipped', skipped);
  for (const bundle of items) {
    const bundles = byCustomer.get(bundle.customerId) ?? [];
    bundles.push(bundle);
    byCustomer.set(bundle.customerId, bundles);
  }
  return byCustomer;
}

/** The team's support bundles by customer id, read when first asked for. */
export type TeamSupportBundles = () => Promise<
  Map<string, VendorSupportBundle[]>
>;

/**
 * The team's support bundles, read at most once per sync: `GET
 * /supportbundles` has no app filter, so every app of a sync would read the
 * same list again (and count its skipped records again).
 */
export function teamSupportBundles(
  client: VendorApiClient,
  logger: LoggerService,
  counts: SyncCounts,
): TeamSupportBundles {
  let pulled: Promise<Map<string, VendorSupportBundle[]>> | undefined;
  return () => (pulled ??= pullSupportBundles(client, logger, counts));
}

/**
 * Every customer of an app with its instances (the customer list carries
 * them) and, for customers with the Enterprise Portal, its install attempts,
 * users and service accounts, each list paged by `Limit`/`Offset`. When any
 * customer has the Enterprise Portal, two lists read once for the app: its
 * Enterprise Portal instances (the `Instance` record carries no customer
 * id), matched to the customers' instances by id, and the team's support
 * bundles (read once per sync), matched to those customers by customer id.
 */
export async function pullCustomerData(options: {
  client: VendorApiClient;
  appId: string;
  includeTest: boolean;
  logger: LoggerService;
  counts: SyncCounts;
  supportBundles: TeamSupportBundles;
}): Promise<CustomerData[]> {
  const { client, appId, includeTest, logger, counts } = options;
  const counted = <T>(page: Page<T> & { skipped: number }) => {
    counts.add('skipped', page.skipped);
    return page;
  };
  const customers = await pullPages(async currentPage =>
    counted(
      parseCustomerPage(
        await client.listCustomers(
          appId,
          { currentPage, pageSize: PAGE_SIZE },
          includeTest,
        ),
        logger,
      ),
    ),
  );

  const portalList = <T>(
    list: Parameters<VendorApiClient['listPortalRecords']>[1],
    customerId: string | undefined,
    parse: (
      answer: unknown,
      logger: LoggerService,
    ) => Page<T> & { skipped: number },
  ) =>
    answerOr(
      pullPages(async (_index, received) =>
        counted(
          parse(
            await client.listPortalRecords(appId, list, customerId, {
              Limit: PAGE_SIZE,
              Offset: received,
            }),
            logger,
          ),
        ),
      ),
      [],
      NOT_ENABLED,
    );

  const portalInstances = new Map<string, VendorPortalInstance>();
  let supportBundles = new Map<string, VendorSupportBundle[]>();
  if (customers.some(c => c.enterprisePortalEnabled)) {
    const listed = await answerOr(
      portalList('instances', undefined, parsePortalInstancePage),
      [],
      OPTIONAL,
      logger,
    );
    for (const instance of listed)
      portalInstances.set(instance.instanceId, instance);
    supportBundles = await options.supportBundles();
  }

  // In list order, whatever order the requests finish in.
  const data: CustomerData[] = new Array(customers.length);
  await forEachLimited(customers, CONCURRENCY, async (customer, index) => {
    const instances = parseInstances(customer.instances, customer.id, logger);
    counts.add('skipped', instances.skipped);
    const portal = customer.enterprisePortalEnabled;
    data[index] = {
      customer,
      instances: instances.instances.map(instance => ({
        ...instance,
        portal: portalInstances.get(instance.instanceId),
      })),
      attempts: portal
        ? await portalList(
            'install-attempts',
            customer.id,
            parseInstallAttemptPage,
          )
        : [],
      users: portal
        ? await portalList('customer-users', customer.id, parsePortalUserPage)
        : [],
      serviceAccounts: portal
        ? await portalList(
            'service-accounts',
            customer.id,
            parseServiceAccountPage,
          )
        : [],
      supportBundles: portal ? supportBundles.get(customer.id) ?? [] : [],
    };
  });
  return data;
}
