import { LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { backoffMs, parseRetryAfter } from './retryAfter';

/** Statuses worth another try: rate limited, or the API briefly unavailable. */
const RETRYABLE = new Set([429, 502, 503, 504]);

export interface VendorApiClientOptions {
  baseUrl: string;
  apiToken: string;
  logger: LoggerService;
  /** Retries per request after the first try. */
  maxRetries?: number;
  /** Upper bound of one wait, whatever Retry-After says. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
}

export type Query = Record<string, string | number | boolean | undefined>;

/**
 * GET requests to Replicated's Vendor API v3 with its authentication (the
 * raw token as the Authorization header, no `Bearer` prefix), bounded
 * retries on 429 (honouring Retry-After) and 502/503/504, and failures as
 * ResponseError. Answers are returned unparsed: the parse* functions decide
 * what of them is usable.
 */
export class VendorApiClient {
  private readonly maxRetries: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: () => number;

  constructor(private readonly options: VendorApiClientOptions) {
    this.maxRetries = options.maxRetries ?? 5;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
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
   * One of the Enterprise Portal lists of a customer (`install-attempts`,
   * `customer-users`, `service-accounts`), paged by `Limit` and `Offset`.
   */
  listPortalRecords(
    appId: string,
    list: 'install-attempts' | 'customer-users' | 'service-accounts',
    customerId: string,
    page: { Limit: number; Offset: number },
  ): Promise<unknown> {
    return this.get(
      `/app/${encodeURIComponent(appId)}/enterprise-portal/${list}`,
      { FilterCustomerID: customerId, ...page },
    );
  }

  private async get(path: string, query: Query = {}): Promise<unknown> {
    const url = new URL(`${this.options.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, {
        headers: {
          Authorization: this.options.apiToken,
          Accept: 'application/json',
        },
      });
      // The events route answers 204 when there is nothing to list.
      if (response.status === 204) return undefined;
      if (response.ok) return response.json();
      if (!RETRYABLE.has(response.status) || attempt >= this.maxRetries) {
        throw await ResponseError.fromResponse(response);
      }
      const asked = parseRetryAfter(
        response.headers.get('retry-after'),
        this.clock(),
      );
      const waitMs = Math.min(
        this.maxWaitMs,
        asked ?? backoffMs(attempt, this.maxWaitMs),
      );
      // Drain the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      this.options.logger.info(
        `Vendor API answered ${response.status} to GET ${
          url.pathname
        }; retrying in ${waitMs} ms (${attempt + 1}/${this.maxRetries})`,
      );
      await this.sleep(waitMs);
    }
  }
}
