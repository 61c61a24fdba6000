import { SetupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CustomerSummary } from '@customer-reporting/plugin-customer-reporting-common';
import { customerSummaryFixture } from '@customer-reporting/plugin-customer-reporting-common/testUtils';
import { CustomerEntityProvider } from '../CustomerEntityProvider';

/** A customer of the nimbus app, named after its id. */
export const customer = (
  id: string,
  overrides: Partial<CustomerSummary> = {},
): CustomerSummary =>
  customerSummaryFixture({
    id,
    name: `Customer ${id}`,
    appSlug: 'nimbus',
    ...overrides,
  });

export const implementing: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'nimbus-api',
      annotations: { 'customer-reporting/app': 'nimbus' },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'nimbus',
      annotations: { 'customer-reporting/app': 'nimbus' },
    },
    spec: { owner: 'team-a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'unrelated' },
    spec: { type: 'service', owner: 'team-b', lifecycle: 'production' },
  },
];

type Key = [string, string, string];

/**
 * The plugin's customers route over `all`, read anew on every request (a
 * test may change it between pages, in `afterPage`), as the real route
 * pages: sorted by `sort` (name or createdAt, ascending), ties by name then
 * id, and a keyset cursor holding the last row's key as it was when read
 * (here `k<n>`, a readable stand-in). `search` matches ids by substring, as
 * the real route also matches names. Returns the query strings asked.
 */
export function serveCustomers(
  server: SetupServer,
  all: CustomerSummary[],
  options: {
    pageSize?: number;
    afterPage?: (page: number) => void | Promise<void>;
  } = {},
): string[] {
  const pageSize = options.pageSize ?? 500;
  const requests: string[] = [];
  const cursors: Key[] = [];
  server.use(
    http.get(
      'http://localhost:0/api/customer-reporting/v1/customers',
      async ({ request }) => {
        const url = new URL(request.url);
        requests.push(url.search);
        const search = url.searchParams.get('search');
        const key = (c: CustomerSummary): Key => [
          url.searchParams.get('sort') === 'createdAt' ? c.createdAt : c.name,
          c.name,
          c.id,
        ];
        const cursor = url.searchParams.get('cursor');
        const after = cursor ? cursors[Number(cursor.slice(1))] : undefined;
        const found = all
          .filter(c => !search || c.id.includes(search))
          .sort((a, b) => compare(key(a), key(b)));
        const matching = found.filter(
          c => !after || compare(key(c), after) > 0,
        );
        const items = matching.slice(0, pageSize);
        const more = matching.length > pageSize;
        if (more) cursors.push(key(items[items.length - 1]));
        await options.afterPage?.(requests.length);
        return HttpResponse.json({
          items,
          totalCount: found.length,
          nextCursor: more ? `k${cursors.length - 1}` : null,
        });
      },
    ),
  );
  return requests;
}

function compare(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** A provider over the fake route, with `entities` in its catalog. */
export function provider(
  licenseDetails = true,
  publishDefaultOwner = false,
  entities: Entity[] = implementing,
) {
  return new CustomerEntityProvider({
    discovery: mockServices.discovery(),
    auth: mockServices.auth(),
    catalog: catalogServiceMock({ entities }),
    logger: mockServices.logger.mock(),
    defaultOwner: 'group:default/customer-success',
    appBaseUrl: 'http://portal.test',
    licenseDetails,
    publishDefaultOwner,
  });
}
