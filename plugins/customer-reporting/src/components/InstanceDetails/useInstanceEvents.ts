import { useApi } from '@backstage/core-plugin-api';
import { InstanceEventCategory } from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { useCursorPages } from '../shared';

/** Events fetched per request; "Load more" appends the next batch. */
export const EVENT_PAGE_SIZE = 25;

/** Loads an instance's events, newest first, a cursor page at a time. */
export function useInstanceEvents(
  instanceId: string,
  category: InstanceEventCategory | undefined,
  asOf?: string,
) {
  const api = useApi(customerReportingApiRef);
  const { firstPage, items, ...list } = useCursorPages(
    cursor =>
      api.listInstanceEvents(instanceId, {
        category,
        limit: EVENT_PAGE_SIZE,
        cursor,
        asOf,
      }),
    [api, instanceId, category, asOf],
  );
  return {
    /** undefined until the first page arrived, for DataCard. */
    state: {
      loading: firstPage.loading,
      error: firstPage.error,
      value: items,
      retry: firstPage.retry,
    },
    ...list,
  };
}
