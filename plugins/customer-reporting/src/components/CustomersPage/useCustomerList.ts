import { useCallback, useMemo, useRef, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  CustomerListResponse,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { CustomerFilters } from './useCustomerFilters';

/** Rows fetched per request; "Load more" appends the next batch. */
export const CUSTOMER_PAGE_SIZE = 50;

/**
 * Loads the customer list for a set of filters, one cursor page at a time.
 *
 * @remarks
 * Pages are appended rather than replaced ("Load more") because the backend
 * pages by cursor: there is no page number to jump to, only "what follows".
 * A generation counter drops "Load more" answers that arrive after the
 * filters changed, so rows of two different filter sets never mix.
 */
export function useCustomerList(filters: CustomerFilters) {
  const api = useApi(customerReportingApiRef);
  const [morePages, setMorePages] = useState<CustomerListResponse[]>([]);
  const generation = useRef(0);

  // Every filter and the sort go to the backend: the table shows only the
  // pages loaded so far, so sorting or filtering them here would mislead.
  // `filters` is memoised on its values, so this changes only when they do.
  const query = useMemo(
    () => ({ ...filters, limit: CUSTOMER_PAGE_SIZE }),
    [filters],
  );

  const firstPage = useAsyncRetry(async () => {
    generation.current += 1;
    setMorePages([]);
    return api.listCustomers(query);
  }, [api, query]);

  const lastPage = morePages.length
    ? morePages[morePages.length - 1]
    : firstPage.value;
  const nextCursor = lastPage?.nextCursor ?? undefined;

  // While the first page reloads, the cursor still belongs to the old filters.
  const canLoadMore = Boolean(nextCursor) && !firstPage.loading;

  const [moreState, fetchMore] = useAsyncFn(async () => {
    if (!canLoadMore || !nextCursor) {
      return;
    }
    const requestedIn = generation.current;
    const page = await api.listCustomers({ ...query, cursor: nextCursor });
    if (requestedIn === generation.current) {
      setMorePages(pages => [...pages, page]);
    }
  }, [api, query, nextCursor, canLoadMore]);

  // Errors surface through moreState; swallow the rejection here so a failed
  // "Load more" click does not become an unhandled promise rejection.
  const loadMore = useCallback(() => {
    fetchMore().catch(() => {});
  }, [fetchMore]);

  const items: CustomerSummary[] = firstPage.value
    ? [firstPage.value, ...morePages].flatMap(page => page.items)
    : [];

  return {
    items,
    // The newest page has the freshest count if customers were added meanwhile.
    totalCount: lastPage?.totalCount ?? 0,
    hasMore: canLoadMore,
    loading: firstPage.loading,
    loaded: firstPage.value !== undefined,
    error: firstPage.error,
    retry: firstPage.retry,
    loadMore,
    loadingMore: moreState.loading,
    loadMoreError: moreState.error,
  };
}
