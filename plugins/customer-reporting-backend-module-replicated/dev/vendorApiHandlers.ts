/*
 * A fake of the routes of Replicated's Vendor API v3 that the module reads,
 * answering exactly as the specification (dev/vendor-api-v3.swagger.json)
 * defines: the same paths, query parameters, paging and answer shapes. It
 * serves the fixtures of src/__fixtures__ as msw handlers. The tests use it
 * through msw's setupServer, and scripts/replicated-fake.mjs serves the same
 * handlers over HTTP for `yarn dev:replicated`, which is why this file
 * imports nothing but msw (Node runs it directly, stripping the types). The
 * contract test (src/vendorApiContract.test.ts) validates every answer
 * against the specification's schemas.
 */
import { http, HttpResponse } from 'msw';
import type { JsonBodyType, RequestHandler } from 'msw';

/** The fixtures' "now": their times are shifted so that this is the present. */
export const FIXTURE_NOW = '2024-07-02T12:00:00Z';

type ApiRecord = Record<string, unknown>;

/** Records as the specification's definitions describe them. */
export interface VendorApiFixtures {
  /** The answer of `GET /apps` (listAppsResponse). */
  apps: { apps: ApiRecord[] };
  /** Per app id, `Customer` records with their `instances`. */
  customers: Record<string, ApiRecord[]>;
  /** Per app id, instance events (items of listAppInstanceEventsResponse). */
  events: Record<string, ApiRecord[]>;
  /** Per channel id, `KotsChannelRelease` records, newest first. */
  releases: Record<string, ApiRecord[]>;
  /** Per app id, Enterprise Portal `InstallAttempt` records. */
  installAttempts: Record<string, ApiRecord[]>;
  /** Per app id, Enterprise Portal `CustomerUser` records. */
  customerUsers: Record<string, ApiRecord[]>;
  /** Per app id, Enterprise Portal `ServiceAccount` records. */
  serviceAccounts: Record<string, ApiRecord[]>;
  /**
   * Per app id and customer id, Enterprise Portal `Instance` records (the
   * record has no customer field; `FilterCustomerID` selects by this key).
   */
  portalInstances: Record<string, Record<string, ApiRecord[]>>;
  /** The answer of `GET /supportbundles`: the team's bundles, of every app. */
  supportBundles: { bundles: ApiRecord[]; totalCount: number };
}

export interface FakeVendorApiOptions {
  /** e.g. `https://api.replicated.com/vendor/v3` or a local address. */
  baseUrl: string;
  /** The one Authorization header value the fake accepts. */
  apiToken: string;
  fixtures: VendorApiFixtures;
  /**
   * The present the fixtures are shifted to, read once; without it they are
   * served as written (as of FIXTURE_NOW).
   */
  now?: () => number;
  /** The most records one page holds whatever the caller asks (servers cap pages). */
  maxPageSize?: number;
}

const ISO_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every time in `value` moved by `deltaMs`, except Go's zero-time placeholders. */
function shiftTimes<T>(value: T, deltaMs: number): T {
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    const ms = Date.parse(value);
    return (
      ms < Date.UTC(1990, 0, 1) ? value : new Date(ms + deltaMs).toISOString()
    ) as T;
  }
  if (Array.isArray(value)) {
    return value.map(v => shiftTimes(v, deltaMs)) as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, shiftTimes(v, deltaMs)]),
    ) as T;
  }
  return value;
}

/** The Enterprise Portal list routes: path, answer key, records, filters. */
const PORTAL_LISTS: {
  path: string;
  list: string;
  fixture: 'installAttempts' | 'customerUsers' | 'serviceAccounts';
  /** The record field `FilterCustomerID` matches. */
  customerKey: string;
  /** Record field → query parameter of further filters. */
  filters?: Record<string, string>;
}[] = [
  {
    path: 'install-attempts',
    list: 'install_attempts',
    fixture: 'installAttempts',
    customerKey: 'customer_id',
    filters: { instance_id: 'FilterInstanceID', status: 'FilterStatus' },
  },
  {
    path: 'customer-users',
    list: 'users',
    fixture: 'customerUsers',
    customerKey: 'customerId',
  },
  {
    path: 'service-accounts',
    list: 'service_accounts',
    fixture: 'serviceAccounts',
    customerKey: 'customerId',
  },
];

/** responseErrNotFound, responseErrUnauthorized, responseErrBadRequest: `{message}`. */
const error = (status: number, message: string) =>
  HttpResponse.json({ message }, { status });

export function createVendorApiHandlers(
  options: FakeVendorApiOptions,
): RequestHandler[] {
  const { baseUrl, apiToken, fixtures } = options;
  const maxPageSize = options.maxPageSize ?? 100;
  // Fixed when the handlers are made, so a time reads the same in every answer.
  const delta = options.now ? options.now() - Date.parse(FIXTURE_NOW) : 0;
  const json = (body: JsonBodyType) =>
    HttpResponse.json(shiftTimes(body, delta));
  const authorized = (request: Request) =>
    request.headers.get('authorization') === apiToken;
  const customersOf = (appId: string) => fixtures.customers[appId] ?? [];

  /** Answers 401 unless the raw token came; else what `answer` says. */
  const get = (
    path: string,
    answer: (
      query: URLSearchParams,
      params: Record<string, string>,
    ) => Response | HttpResponse<any>,
  ) =>
    http.get(`${baseUrl}${path}`, ({ request, params }) =>
      authorized(request)
        ? answer(
            new URL(request.url).searchParams,
            params as Record<string, string>,
          )
        : error(401, 'Unauthorized'),
    );

  /** An integer query parameter; NaN (→ 400) when present but not one. */
  const int = (query: URLSearchParams, name: string, fallback: number) => {
    const raw = query.get(name);
    return raw === null ? fallback : Number(raw);
  };

  /**
   * A `Limit`/`Offset` page of the app's records, of one customer with
   * `FilterCustomerID` when the records name theirs in `customerKey` (the
   * caller selected them already otherwise).
   */
  const portalPage = (
    records: ApiRecord[],
    query: URLSearchParams,
    customerKey?: string,
    filters: Record<string, string> = {},
  ) => {
    const limit = Math.min(int(query, 'Limit', maxPageSize), maxPageSize);
    const offset = int(query, 'Offset', 0);
    if (!Number.isInteger(limit) || !Number.isInteger(offset)) return undefined;
    const wanted: [string, string][] = [
      ...(customerKey
        ? [
            [customerKey, query.get('FilterCustomerID') ?? ''] as [
              string,
              string,
            ],
          ]
        : []),
      ...Object.entries(filters).map(([key, param]): [string, string] => [
        key,
        query.get(param) ?? '',
      ]),
    ];
    const all = records.filter(r =>
      wanted.every(([key, value]) => !value || r[key] === value),
    );
    return { items: all.slice(offset, offset + limit), total: all.length };
  };

  return [
    get('/apps', () => json(fixtures.apps)),

    get('/app/:appId/customers', (query, { appId }) => {
      const page = int(query, 'currentPage', 0);
      const size = Math.min(int(query, 'pageSize', 20), maxPageSize);
      if (!Number.isInteger(page) || !Number.isInteger(size)) {
        return error(400, 'currentPage and pageSize must be integers');
      }
      const includeTest = query.get('IncludeTest') === 'true';
      const all = customersOf(appId).filter(
        c => includeTest || c.type !== 'test',
      );
      return json({
        customers: all.slice(page * size, (page + 1) * size),
        totalCustomers: all.length,
      });
    }),

    get('/customer/:customerId', (_query, { customerId }) => {
      const customer = Object.values(fixtures.customers)
        .flat()
        .find(c => c.id === customerId);
      return customer
        ? json({ customer })
        : error(404, `customer ${customerId} not found`);
    }),

    get('/app/:appId/customer/:customerId/instances', (_query, params) => {
      const customer = customersOf(params.appId).find(
        c => c.id === params.customerId,
      );
      return customer
        ? json({ instances: customer.instances ?? [] })
        : error(404, `customer ${params.customerId} not found`);
    }),

    get('/app/:appId/events', (query, { appId }) => {
      const list = (name: string) =>
        query.get(name) ? new Set(query.get(name)!.split(',')) : undefined;
      const customerIds = list('customerIds');
      const instanceIds = list('instanceIds');
      const bound = (name: string) =>
        query.get(name) ? Date.parse(query.get(name)!) - delta : undefined;
      const after = bound('after');
      const before = bound('before');
      if (Number.isNaN(after) || Number.isNaN(before)) {
        return error(400, 'after and before must be date-times');
      }
      const events = (fixtures.events[appId] ?? []).filter(e => {
        const at = Date.parse(String(e.reportedAt));
        return (
          (!customerIds || customerIds.has(String(e.customerId))) &&
          (!instanceIds || instanceIds.has(String(e.instanceId))) &&
          (after === undefined || at > after) &&
          (before === undefined || at <= before)
        );
      });
      // listAppInstanceEventsResponse is a bare array.
      return json(events);
    }),

    get('/app/:appId/channel/:channelId/releases', (query, { channelId }) => {
      const page = int(query, 'currentPage', 0);
      const size = Math.min(int(query, 'pageSize', 20), maxPageSize);
      if (!Number.isInteger(page) || !Number.isInteger(size)) {
        return error(400, 'currentPage and pageSize must be integers');
      }
      const all = fixtures.releases[channelId];
      if (!all) return error(404, `channel ${channelId} not found`);
      return json({
        releases: all.slice(page * size, (page + 1) * size),
        matchedCount: all.length,
      });
    }),

    // Enterprise Portal lists: `{<list>: [...], total}`, paged by Limit/Offset.
    ...PORTAL_LISTS.map(({ path, list, fixture, customerKey, filters }) =>
      get(`/app/:appId/enterprise-portal/${path}`, (query, { appId }) => {
        const page = portalPage(
          fixtures[fixture][appId] ?? [],
          query,
          customerKey,
          filters,
        );
        return page
          ? json({ [list]: page.items, total: page.total })
          : error(400, 'Limit and Offset must be integers');
      }),
    ),

    // No query parameter in the specification: every bundle, unpaged.
    get('/supportbundles', () => json(fixtures.supportBundles)),

    get('/app/:appId/enterprise-portal/instances', (query, { appId }) => {
      const byCustomer = fixtures.portalInstances[appId] ?? {};
      const customerId = query.get('FilterCustomerID');
      const records = customerId
        ? byCustomer[customerId] ?? []
        : Object.values(byCustomer).flat();
      const page = portalPage(records, query);
      return page
        ? json({ instances: page.items, total: page.total })
        : error(400, 'Limit and Offset must be integers');
    }),
  ];
}
