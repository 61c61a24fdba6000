/*
 * A fake of the parts of Replicated's Vendor API v3 the module reads, as msw
 * handlers over recorded-style fixtures. The tests use it through msw's
 * setupServer, and scripts/replicated-fake.mjs serves the same handlers over
 * HTTP for `yarn dev:replicated`, which is why this file imports nothing
 * but msw (Node runs it directly, stripping the types).
 */
import { http, HttpResponse } from 'msw';
import type { JsonBodyType, RequestHandler } from 'msw';

/** The fixtures' "now": their times are shifted so that this is the present. */
export const FIXTURE_NOW = '2024-07-02T12:00:00Z';

type ApiRecord = Record<string, unknown>;

export interface VendorApiFixtures {
  /** The answer of `GET /apps`. */
  apps: { apps: ApiRecord[] };
  /** Per app id, customer records with their `instances` (the detail answer). */
  customers: Record<string, ApiRecord[]>;
  /** Per app id, instance events. */
  events: Record<string, ApiRecord[]>;
  /** Per app id, Enterprise Portal install attempts. */
  installAttempts: Record<string, ApiRecord[]>;
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
  /** Customers per page of the customer list. */
  pageSize?: number;
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

const error = (status: number, message: string) =>
  HttpResponse.json({ error: { message } }, { status });

export function createVendorApiHandlers(
  options: FakeVendorApiOptions,
): RequestHandler[] {
  const { baseUrl, apiToken, fixtures } = options;
  const pageSize = options.pageSize ?? 3;
  // Fixed when the handlers are made, so a time reads the same in every answer.
  const delta = options.now ? options.now() - Date.parse(FIXTURE_NOW) : 0;
  const json = (body: JsonBodyType) =>
    HttpResponse.json(shiftTimes(body, delta));
  const authorized = (request: Request) =>
    request.headers.get('authorization') === apiToken;

  /** Answers 401 unless the raw token came; else what `answer` says. */
  const get = (
    path: string,
    answer: (
      request: Request,
      params: Record<string, string>,
    ) => Response | HttpResponse<any>,
  ) =>
    http.get(`${baseUrl}${path}`, ({ request, params }) =>
      authorized(request)
        ? answer(request, params as Record<string, string>)
        : error(401, 'Unauthorized'),
    );

  return [
    get('/apps', () => json(fixtures.apps)),

    get('/app/:appId/customers', (request, { appId }) => {
      const url = new URL(request.url);
      const page = Number(url.searchParams.get('currentPage') ?? 0);
      const includeTest = url.searchParams.get('includeTest') === 'true';
      const all = (fixtures.customers[appId] ?? []).filter(
        c => includeTest || c.type !== 'test',
      );
      // The list has no instances; the customer detail has them.
      const customers = all
        .slice(page * pageSize, (page + 1) * pageSize)
        .map(({ instances: _instances, ...customer }) => customer);
      return json({ customers, totalCustomers: all.length });
    }),

    get('/app/:appId/customer/:customerId', (_request, params) => {
      const customer = (fixtures.customers[params.appId] ?? []).find(
        c => c.id === params.customerId,
      );
      return customer
        ? json({ customer })
        : error(404, `customer ${params.customerId} not found`);
    }),

    get('/app/:appId/events', (request, { appId }) => {
      const url = new URL(request.url);
      const after = url.searchParams.get('after');
      const ids = url.searchParams.get('customerIds');
      if (!after && !ids) {
        return error(400, 'at least one filter is required');
      }
      const customerIds = ids ? new Set(ids.split(',')) : undefined;
      const from = after ? Date.parse(`${after}T00:00:00Z`) - delta : 0;
      const events = (fixtures.events[appId] ?? []).filter(
        e =>
          (!customerIds || customerIds.has(String(e.customerId))) &&
          Date.parse(String(e.timestamp)) >= from,
      );
      return json({ events, totalEvents: events.length });
    }),

    get('/app/:appId/enterprise-portal/install-attempts', (request, params) => {
      const customerId = new URL(request.url).searchParams.get(
        'filterCustomerId',
      );
      const installAttempts = (
        fixtures.installAttempts[params.appId] ?? []
      ).filter(a => !customerId || a.customerId === customerId);
      return json({ installAttempts });
    }),
  ];
}
