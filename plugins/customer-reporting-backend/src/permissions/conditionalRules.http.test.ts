import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
  PermissionCriteria,
  PermissionCondition,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createCustomerConditionalDecision,
  customerConditions,
} from '@customer-reporting/plugin-customer-reporting-node';
import { RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER } from '@customer-reporting/plugin-customer-reporting-common';
import {
  ingestTeamCustomers,
  startWithPolicy,
  userHeader,
} from '../__testUtils__/productionPolicyBackend';
import { testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const base = '/api/customer-reporting';
const reader = userHeader('reader');

type Criteria = PermissionCriteria<
  PermissionCondition<typeof RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER>
>;

/**
 * An adopter's policy: every customer permission decided by `criteria`
 * (evaluated by the plugin's rules), everything else allowed.
 */
async function startWithCriteria(databaseId: string, criteria: Criteria) {
  const server = await startWithPolicy(
    await databases.init(databaseId as 'SQLITE_3'),
    {
      async handle({ permission }) {
        if (
          isResourcePermission(
            permission,
            RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
          )
        )
          return createCustomerConditionalDecision(
            permission as ResourcePermission<
              typeof RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER
            >,
            criteria,
          );
        return { result: AuthorizeResult.ALLOW };
      },
    },
  );
  // c1 owned by team-a (paid), c2 by team-b (paid), c3 by nobody (trial).
  const ingest = await ingestTeamCustomers(server);
  await ingest(
    'put',
    '/v1/customers/c3',
    testCustomer({
      name: 'Ownerless',
      licenseId: 'lic-c3',
      licenseType: 'trial',
    }),
  );
  return server;
}

/** The customers the list shows, and those whose report answers 200. */
async function listedAndReadable(
  server: Awaited<ReturnType<typeof startWithCriteria>>,
) {
  const list = await request(server)
    .get(`${base}/v1/customers`)
    .set('Authorization', reader)
    .expect(200);
  const readable: string[] = [];
  for (const id of ['c1', 'c2', 'c3']) {
    const report = await request(server)
      .get(`${base}/v1/customers/${id}/report`)
      .set('Authorization', reader);
    expect([id, [200, 403]]).toEqual([
      id,
      expect.arrayContaining([report.status]),
    ]);
    if (report.status === 200) readable.push(id);
  }
  return {
    listed: list.body.items.map((c: { id: string }) => c.id).sort(),
    totalCount: list.body.totalCount,
    readable,
  };
}

/**
 * Conditional decisions are evaluated twice: as SQL for lists (the rules'
 * toQuery) and on the loaded customer for one customer (their apply). Both
 * must pick the same customers, or a list shows a customer whose report
 * is refused, or hides one the caller may open.
 */
describe.each(databases.eachSupportedId())(
  "the plugin's conditional rules in lists and single reads on %p",
  databaseId => {
    it.each<[string, Criteria, string[]]>([
      [
        'an owner claim in another case than the stored owner',
        customerConditions.isCustomerOwner({
          claims: ['group:default/Team-A'],
        }),
        ['c1'],
      ],
      [
        'the owners in lower case',
        customerConditions.isCustomerOwner({
          claims: ['group:default/team-b'],
        }),
        ['c2'],
      ],
      [
        'a license type',
        customerConditions.hasLicenseType({ licenseTypes: ['trial'] }),
        ['c3'],
      ],
      [
        'not an owner: customers without an owner are not owned by them',
        {
          not: customerConditions.isCustomerOwner({
            claims: ['group:default/team-b'],
          }),
        },
        ['c1', 'c3'],
      ],
      [
        'any of an owner or a license type, negated',
        {
          not: {
            anyOf: [
              customerConditions.isCustomerOwner({
                claims: ['group:default/team-a'],
              }),
              customerConditions.hasLicenseType({ licenseTypes: ['paid'] }),
            ],
          },
        },
        ['c3'],
      ],
      [
        'an app',
        customerConditions.isCustomerOfApp({ appSlugs: ['test-app'] }),
        ['c1', 'c2', 'c3'],
      ],
    ])('%s', async (_name, criteria, expected) => {
      const server = await startWithCriteria(databaseId, criteria);
      expect(await listedAndReadable(server)).toEqual({
        listed: expected,
        totalCount: expected.length,
        readable: expected,
      });
    });
  },
);
