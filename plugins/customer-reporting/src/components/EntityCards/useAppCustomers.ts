import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  AppCustomerFigures,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingApi, customerReportingApiRef } from '../../api';

/** Customers listed on the card at most; the rest via "View all". */
export const MAX_CUSTOMERS = 100;
const PAGE_SIZE = 50;

/** What the Customers card shows of an app. */
export interface AppCustomers {
  customers: CustomerSummary[];
  totalCount: number;
  /** Versions, customers behind and worst uptime over every customer; null if they failed. */
  figures: AppCustomerFigures | null;
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

/**
 * The customers running an app, and the app-wide figures from one aggregate
 * route (`GET /v1/apps/{appSlug}/customer-figures`) rather than a report per
 * customer. The figures failing only hides them: the list still shows.
 */
export function useAppCustomers(appSlug: string) {
  const api = useApi(customerReportingApiRef);
  return useAsyncRetry(async (): Promise<AppCustomers> => {
    const [list, figures] = await Promise.all([
      listAll(api, appSlug),
      Promise.resolve()
        .then(() => api.getAppCustomerFigures(appSlug))
        .catch(() => null),
    ]);
    return { ...list, figures };
  }, [api, appSlug]);
}
