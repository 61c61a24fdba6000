import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import { useCursorPages } from '../shared';
import { CustomerFilters } from './useCustomerFilters';

/** Rows fetched per request; "Load more" appends the next batch. */
export const CUSTOMER_PAGE_SIZE = 50;

/**
 * Loads the customer list for a set of filters, a cursor page at a time.
 * Every filter and the sort go to the backend: the table shows only the
 * pages loaded so far, so sorting or filtering them here would mislead.
 * `filters` is memoised on its values, so the list reloads only when they
 * change.
 */
export function useCustomerList(filters: CustomerFilters) {
  const api = useApi(customerReportingApiRef);
  const { firstPage, items, ...list } = useCursorPages(
    cursor =>
      api.listCustomers({ ...filters, limit: CUSTOMER_PAGE_SIZE, cursor }),
    [api, filters],
  );
  return {
    items: items ?? [],
    loading: firstPage.loading,
    loaded: firstPage.value !== undefined,
    error: firstPage.error,
    retry: firstPage.retry,
    ...list,
  };
}
