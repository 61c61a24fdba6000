import { LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { backoffMs, parseRetryAfter } from './retryAfter';

/**
 * Statuses worth another try: rate limited, or the API briefly failing or
 * unavailable. Every request is a GET, so trying again is safe.
 */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** A request that has not answered by then is given up and tried again. */
const DEFAULT_TIMEOUT_MS = 60_000;

export interface VendorApiClientOptions {
  baseUrl: string;
  apiToken: string;
  logger: LoggerService;
  /** Retries per request after the first try. */
  maxRetries?: number;
  /** Upper bound of one wait, whatever Retry-After says. */
  maxWaitMs?: number;
  /** How long one try may take before it is given up. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
}

export type Query = Record<string, string | number | boolean | undefined>;

/**
 * GET requests to Replicated's Vendor API v3 with its authentication (the
 * raw token as the Authorization header, no `Bearer` prefix), bounded
 * retries on 429 (honouring Retry-After), 500/502/503/504, timeouts and
 * network errors, and failures as ResponseError (or the network error)
 * whose message names the route, so the Data sources tab says which
 * request failed. Answers are returned unparsed: the parse* functions
 * decide what of them is usable.
 */
export class VendorApiClient {
  private readonly maxRetries: number;
  private readonly maxWaitMs: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: () => number;

  constructor(private readonly options: VendorApiClientOptions) {
    this.maxRetries = options.maxRetries ?? 5;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.sleep =
      options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
    this.clock = options.clock ?? Date.now;
  }

  /** `GET /apps`. */
  listApps(): Promise<unknown> {
    return this.get('/apps');
  }

  /** `GET /app/{app_id}/customers`: customers with their `instances`. */
  listCustomers(
    appId: string,
    page: { currentPage: number; pageSize: number },
    includeTest: boolean,
  ): Promise<unknown> {
    return this.get(`/app/${encodeURIComponent(appId)}/customers`, {
      ...page,
      IncludeTest: includeTest ? true : undefined,
    });
  }

  /** `GET /app/{app_id}/channel/{channel_id}/releases`. */
  listChannelReleases(
    appId: string,
    channelId: string,
    page: { currentPage: number; pageSize: number },
  ): Promise<unknown> {
    return this.get(
      `/app/${encodeURIComponent(appId)}/channel/${encodeURIComponent(
        channelId,
      )}/releases`,
      page,
    );
  }

  /**
   * `GET /app/{app_id}/events` of some customers reported in the window
   * (`after`, `before`], both ISO times.
   */
  listEvents(
    appId: string,
    filter: { customerIds: string[]; after: string; before: string },
  ): Promise<unknown> {
    return this.get(`/app/${encodeURIComponent(appId)}/events`, {
      customerIds: filter.customerIds.join(','),
      after: filter.after,
      before: filter.before,
    });
  }

  /**
   * One of the Enterprise Portal lists (`install-attempts`,
   * `customer-users`, `service-accounts`, `instances`) of a customer, or of
   * the whole app without `customerId`, paged by `Limit` and `Offset`.
   */
  listPortalRecords(
    appId: string,
    list:
      | 'install-attempts'
      | 'customer-users'
      | 'service-accounts'
      | 'instances',
    customerId: string | undefined,
    page: { Limit: number; Offset: number },
  ): Promise<unknown> {
    return this.get(
      `/app/${encodeURIComponent(appId)}/enterprise-portal/${list}`,
      { FilterCustomerID: customerId, ...page },
    );
  }

  /**
   * Every support bundle the team may read, of every app: the
   * specification declares no query parameter (no filter, no paging).
   */
  listSupportBundles(): Promise<unknown> {
    return this.get('/supportbundles');
  }

  private async get(path: string, query: Query = {}): Promise<unknown> {
    const url = new URL(`${this.options.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const route = `GET ${path}`;
    for (let attempt = 0; ; attempt++) {
      const lastTry = attempt >= this.maxRetries;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: {
            Authorization: this.options.apiToken,
            Accept: 'application/json',
          },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        // No answer at all: refused, reset, or timed out.
        const reason = describeNetworkError(error);
        if (lastTry) {
          throw new Error(`Vendor API ${route} failed: ${reason}`, {
            cause: error,
          });
        }
        await this.wait(
          route,
          reason,
          attempt,
          backoffMs(attempt, this.maxWaitMs),
        );
        continue;
      }
      // The events route answers 204 when there is nothing to list.
      if (response.status === 204) return undefined;
      if (response.ok) return response.json();
      if (!RETRYABLE.has(response.status) || lastTry) {
        const error = await ResponseError.fromResponse(response);
        error.message = `Vendor API ${route}: ${error.message}`;
        throw error;
      }
      const asked = parseRetryAfter(
        response.headers.get('retry-after'),
        this.clock(),
      );
      // Drain the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      await this.wait(
        route,
        `answered ${response.status}`,
        attempt,
        Math.min(this.maxWaitMs, asked ?? backoffMs(attempt, this.maxWaitMs)),
      );
    }
  }

  private async wait(
    route: string,
    what: string,
    attempt: number,
    waitMs: number,
  ) {
    this.options.logger.info(
      `Vendor API ${route} ${what}; retrying in ${waitMs} ms (${attempt + 1}/${
        this.maxRetries
      })`,
    );
    await this.sleep(waitMs);
  }
}

/** What went wrong with a request that got no answer, for the log and the error. */
function describeNetworkError(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'no answer in time';
  const detail = e?.cause?.code ?? e?.cause?.message;
  return detail ? `${e.message} (${detail})` : String(e?.message ?? error);
}
