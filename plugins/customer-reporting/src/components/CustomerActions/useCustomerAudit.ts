import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import type { CustomerAuditEntry } from '@customer-reporting/plugin-customer-reporting-common';
import { AsyncValue } from '../shared';

/** Entries per request; the backend allows up to 200. */
export const AUDIT_PAGE_SIZE = 25;

/**
 * A customer's audit trail, page by page, newest first.
 *
 * @remarks
 * Loads once `reloadKey` is defined and restarts from the first page
 * whenever it changes: the Activity
 * card passes the report, which reloads after every customer action, so the
 * action shows up without a manual refresh. A response that arrives after a
 * newer request was started is dropped, so a slow "Load more" can never
 * append to a list that was reloaded in the meantime.
 */
export function useCustomerAudit(customerId: string, reloadKey?: unknown) {
  const api = useApi(customerReportingApiRef);
  const [items, setItems] = useState<CustomerAuditEntry[]>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();
  const [loadMoreError, setLoadMoreError] = useState<Error>();
  const latest = useRef(0);

  const load = useCallback(
    async (cursor?: string) => {
      const request = ++latest.current;
      setLoading(true);
      if (cursor) setLoadMoreError(undefined);
      else setError(undefined);
      try {
        const page = await api.listAudit(customerId, {
          limit: AUDIT_PAGE_SIZE,
          cursor,
        });
        if (request !== latest.current) return;
        setItems(previous =>
          cursor ? [...(previous ?? []), ...page.items] : page.items,
        );
        setNextCursor(page.nextCursor);
      } catch (e) {
        if (request !== latest.current) return;
        if (cursor) setLoadMoreError(e as Error);
        else setError(e as Error);
      } finally {
        if (request === latest.current) setLoading(false);
      }
    },
    [api, customerId],
  );

  useEffect(() => {
    if (reloadKey !== undefined) load();
  }, [load, reloadKey]);

  const state: AsyncValue<CustomerAuditEntry[]> = {
    loading,
    error,
    value: items,
    retry: () => load(),
  };
  return {
    state,
    hasMore: Boolean(nextCursor),
    loadingMore: loading && items !== undefined,
    loadMore: () => load(nextCursor ?? undefined),
    loadMoreError,
  };
}
