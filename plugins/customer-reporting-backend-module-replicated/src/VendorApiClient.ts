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

  listApps(): Promise<unknown> {
    return this.get('/apps');
  }

  listCustomers(
    appId: string,
    currentPage: number,
    includeTest: boolean,
  ): Promise<unknown> {
    return this.get(`/app/${encodeURIComponent(appId)}/customers`, {
      currentPage,
      includeTest: includeTest ? true : undefined,
    });
  }

  getCustomer(appId: string, customerId: string): Promise<unknown> {
    return this.get(
      `/app/${encodeURIComponent(appId)}/customer/${encodeURIComponent(
        customerId,
      )}`,
    );
  }

  /** `after` is a UTC date (YYYY-MM-DD); the API needs at least one filter. */
  listEvents(
    appId: string,
    filter: { after: string; customerIds: string[]; currentPage: number },
  ): Promise<unknown> {
    return this.get(`/app/${encodeURIComponent(appId)}/events`, {
      after: filter.after,
      customerIds: filter.customerIds.join(','),
      currentPage: filter.currentPage || undefined,
    });
  }

  listInstallAttempts(appId: string, customerId: string): Promise<unknown> {
    return this.get(
      `/app/${encodeURIComponent(appId)}/enterprise-portal/install-attempts`,
      { filterCustomerId: customerId },
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
