import { useCallback, useRef, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { InstallAttemptList } from '@customer-reporting/plugin-customer-reporting-common';
import {
  customerReportingApiRef,
  InstallAttemptFilters,
  InstallAttemptSort,
} from '../../api';

/** Rows fetched per request; "Load more" appends the next batch. */
export const ATTEMPT_PAGE_SIZE = 50;

/**
 * Loads the attempt list for the filters and sort, one cursor page at a
 * time, like the customer list.
 *
 * @remarks
 * A generation counter drops "Load more" answers that arrive after the
 * filters or sort changed: their cursor belongs to the previous query, so
 * appending them would mix two result sets.
 */
export function useAttemptList(
  filters: InstallAttemptFilters,
  sort: InstallAttemptSort,
  order: 'asc' | 'desc',
) {
  const api = useApi(customerReportingApiRef);
  const [morePages, setMorePages] = useState<InstallAttemptList[]>([]);
  const generation = useRef(0);

  const firstPage = useAsyncRetry(async () => {
    generation.current += 1;
    setMorePages([]);
    return api.listInstallAttempts({
      ...filters,
      sort,
      order,
      limit: ATTEMPT_PAGE_SIZE,
    });
  }, [api, filters, sort, order]);

  const lastPage = morePages.length
    ? morePages[morePages.length - 1]
    : firstPage.value;
  const nextCursor = lastPage?.nextCursor ?? undefined;
  const canLoadMore = Boolean(nextCursor) && !firstPage.loading;

  const [moreState, fetchMore] = useAsyncFn(async () => {
    if (!canLoadMore || !nextCursor) return;
    const requestedIn = generation.current;
    const page = await api.listInstallAttempts({
      ...filters,
      sort,
      order,
      limit: ATTEMPT_PAGE_SIZE,
      cursor: nextCursor,
    });
    if (requestedIn === generation.current) {
      setMorePages(pages => [...pages, page]);
    }
  }, [api, filters, sort, order, nextCursor, canLoadMore]);

  // Errors surface through moreState; no unhandled rejection on a click.
  const loadMore = useCallback(() => {
    fetchMore().catch(() => {});
  }, [fetchMore]);

  const value = firstPage.value && {
    items: [firstPage.value, ...morePages].flatMap(page => page.items),
    // The newest page has the freshest count if attempts arrived meanwhile.
    totalCount: lastPage?.totalCount ?? 0,
  };

  return {
    state: {
      loading: firstPage.loading,
      error: firstPage.error,
      value,
      retry: firstPage.retry,
    },
    hasMore: canLoadMore,
    loadMore,
    loadingMore: moreState.loading,
    loadMoreError: moreState.error,
  };
}
