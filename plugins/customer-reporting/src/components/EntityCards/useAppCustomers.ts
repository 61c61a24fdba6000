import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  CustomerReport,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingApi, customerReportingApiRef } from '../../api';

/** Customers listed on the card at most; the rest via "View all". */
export const MAX_CUSTOMERS = 100;
/** Reports read for versions and uptime: one request each, so capped. */
export const MAX_REPORTS = 20;
const PAGE_SIZE = 50;
/** Report requests in flight at once, to spare the backend. */
const CONCURRENCY = 5;

/** What the Customers card shows of an app. */
export interface AppCustomers {
  customers: CustomerSummary[];
  totalCount: number;
  /** Reports of the most recently active customers (at most MAX_REPORTS). */
  reports: CustomerReport[];
  /** Reports that were asked for but failed. */
  failedReports: number;
}

async function listAll(api: CustomerReportingApi, appSlug: string) {
  const customers: CustomerSummary[] = [];
  let totalCount = 0;
  let cursor: string | undefined;
  do {
    const page = await api.listCustomers({ appSlug, limit: PAGE_SIZE, cursor });
    customers.push(...page.items);
    totalCount = page.totalCount;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && customers.length < MAX_CUSTOMERS);
  return { customers: customers.slice(0, MAX_CUSTOMERS), totalCount };
}

/** Runs `fn` over `items` with at most CONCURRENCY calls at a time. */
async function settleAll<T, R>(items: T[], fn: (item: T) => Promise<R>) {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await fn(items[index]) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

/**
 * The customers running an app and the reports of the most recently active
 * ones.
 *
 * @remarks
 * Versions, versions behind and uptime live in each customer's report and
 * there is no aggregate route, so the card reads the reports of at most
 * MAX_REPORTS customers with active instances and says so when there are
 * more. A report that fails (e.g. denied) only shrinks that sample.
 */
export function useAppCustomers(appSlug: string) {
  const api = useApi(customerReportingApiRef);
  return useAsyncRetry(async (): Promise<AppCustomers> => {
    const { customers, totalCount } = await listAll(api, appSlug);
    const sample = customers
      .filter(c => c.active)
      .sort((a, b) =>
        (b.lastActiveAt ?? '').localeCompare(a.lastActiveAt ?? ''),
      )
      .slice(0, MAX_REPORTS);
    const settled = await settleAll(sample, c => api.getCustomerReport(c.id));
    const reports = settled.flatMap(r =>
      r.status === 'fulfilled' ? [r.value] : [],
    );
    return {
      customers,
      totalCount,
      reports,
      failedReports: settled.length - reports.length,
    };
  }, [api, appSlug]);
}
