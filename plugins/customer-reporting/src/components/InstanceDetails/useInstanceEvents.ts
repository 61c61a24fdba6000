import { useCallback, useRef, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  InstanceEventCategory,
  InstanceEventList,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';

/** Events fetched per request; "Load more" appends the next batch. */
export const EVENT_PAGE_SIZE = 25;

/**
 * Loads an instance's events, newest first, one cursor page at a time.
 *
 * @remarks
 * Same approach as the customer list: pages are appended, and a generation
 * counter drops a "Load more" answer that arrives after the category
 * changed, so events of two filters never mix.
 */
export function useInstanceEvents(
  instanceId: string,
  category: InstanceEventCategory | undefined,
  asOf?: string,
) {
  const api = useApi(customerReportingApiRef);
  const [morePages, setMorePages] = useState<InstanceEventList[]>([]);
  const generation = useRef(0);

  const firstPage = useAsyncRetry(async () => {
    generation.current += 1;
    setMorePages([]);
    return api.listInstanceEvents(instanceId, {
      category,
      limit: EVENT_PAGE_SIZE,
      asOf,
    });
  }, [api, instanceId, category, asOf]);

  const lastPage = morePages.length
    ? morePages[morePages.length - 1]
    : firstPage.value;
  const nextCursor = lastPage?.nextCursor ?? undefined;
  const canLoadMore = Boolean(nextCursor) && !firstPage.loading;

  const [moreState, fetchMore] = useAsyncFn(async () => {
    if (!canLoadMore || !nextCursor) return;
    const requestedIn = generation.current;
    const page = await api.listInstanceEvents(instanceId, {
      category,
      limit: EVENT_PAGE_SIZE,
      cursor: nextCursor,
      asOf,
    });
    if (requestedIn === generation.current) {
      setMorePages(pages => [...pages, page]);
    }
  }, [api, instanceId, category, asOf, nextCursor, canLoadMore]);

  // Errors surface through moreState; swallow the rejection here so a failed
  // click does not become an unhandled promise rejection.
  const loadMore = useCallback(() => {
    fetchMore().catch(() => {});
  }, [fetchMore]);

  const items = firstPage.value
    ? [firstPage.value, ...morePages].flatMap(page => page.items)
    : undefined;

  return {
    /** undefined until the first page arrived, for DataCard. */
    state: {
      loading: firstPage.loading,
      error: firstPage.error,
      value: items,
      retry: firstPage.retry,
    },
    hasMore: canLoadMore,
    loadMore,
    loadingMore: moreState.loading,
    loadMoreError: moreState.error,
  };
}
