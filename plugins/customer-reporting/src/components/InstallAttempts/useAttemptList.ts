import { useApi } from '@backstage/core-plugin-api';
import {
  customerReportingApiRef,
  InstallAttemptFilters,
  InstallAttemptSort,
} from '../../api';
import { useCursorPages } from '../shared';

/** Rows fetched per request; "Load more" appends the next batch. */
export const ATTEMPT_PAGE_SIZE = 50;

/** Loads the attempt list for the filters and sort, a cursor page at a time. */
export function useAttemptList(
  filters: InstallAttemptFilters,
  sort: InstallAttemptSort,
  order: 'asc' | 'desc',
) {
  const api = useApi(customerReportingApiRef);
  const { firstPage, items, totalCount, ...list } = useCursorPages(
    cursor =>
      api.listInstallAttempts({
        ...filters,
        sort,
        order,
        limit: ATTEMPT_PAGE_SIZE,
        cursor,
      }),
    [api, filters, sort, order],
  );
  return {
    state: {
      loading: firstPage.loading,
      error: firstPage.error,
      value: items && { items, totalCount },
      retry: firstPage.retry,
    },
    ...list,
  };
}
