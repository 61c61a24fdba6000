import { DependencyList, useCallback, useRef, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** One answer of a cursor-paged list route. */
export interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
  totalCount?: number;
}

/**
 * Loads a cursor-paged list one page at a time: the first page whenever
 * `deps` change, and the next one on `loadMore`.
 *
 * @remarks
 * Pages are appended rather than replaced ("Load more") because the backend
 * pages by cursor: there is no page number to jump to, only what follows. A
 * generation counter drops a "Load more" answer that arrives after `deps`
 * changed: its cursor belongs to the previous query, so appending it would
 * mix two result sets.
 */
export function useCursorPages<T>(
  fetchPage: (cursor?: string) => Promise<CursorPage<T>>,
  deps: DependencyList,
) {
  const [morePages, setMorePages] = useState<CursorPage<T>[]>([]);
  const generation = useRef(0);
  // The latest query, for "Load more"; the first page follows `deps`.
  const latestFetch = useRef(fetchPage);
  latestFetch.current = fetchPage;

  const firstPage = useAsyncRetry(async () => {
    generation.current += 1;
    setMorePages([]);
    return latestFetch.current();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const lastPage = morePages.length
    ? morePages[morePages.length - 1]
    : firstPage.value;
  const nextCursor = lastPage?.nextCursor ?? undefined;
  // While the first page reloads, the cursor still belongs to the old query.
  const canLoadMore = Boolean(nextCursor) && !firstPage.loading;

  const [moreState, fetchMore] = useAsyncFn(async () => {
    if (!canLoadMore || !nextCursor) return;
    const requestedIn = generation.current;
    const page = await latestFetch.current(nextCursor);
    if (requestedIn === generation.current)
      setMorePages(pages => [...pages, page]);
  }, [nextCursor, canLoadMore]);

  // Errors surface through loadMoreError; swallow the rejection here so a
  // failed click does not become an unhandled promise rejection.
  const loadMore = useCallback(() => {
    fetchMore().catch(() => {});
  }, [fetchMore]);

  return {
    firstPage,
    /** Every row loaded so far; undefined until the first page arrived. */
    items: firstPage.value
      ? [firstPage.value, ...morePages].flatMap(page => page.items)
      : undefined,
    // The newest page has the freshest count if rows arrived meanwhile.
    totalCount: lastPage?.totalCount ?? 0,
    hasMore: canLoadMore,
    loadMore,
    loadingMore: moreState.loading,
    loadMoreError: moreState.error,
  };
}
