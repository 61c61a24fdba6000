import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUS_FILTERS,
  CustomerSort,
  CustomerStatusFilter,
  LICENSE_TYPES,
  LicenseType,
} from '@customer-reporting/plugin-customer-reporting-common';
import { oneOf } from '../shared';

/** Filters and sort of the customer list, as read from the page's query string. */
export interface CustomerFilters {
  search: string;
  appSlug: string;
  channelSlug: string;
  licenseType?: LicenseType;
  status?: CustomerStatusFilter;
  active?: boolean;
  sort: CustomerSort;
  order: 'asc' | 'desc';
}

/** Query string keys of the filters; the same names as the backend's parameters. */
const FILTER_KEYS = [
  'search',
  'appSlug',
  'channelSlug',
  'licenseType',
  'status',
  'active',
] as const;

function parseActive(value: string | null): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/**
 * Reads and writes the list filters and sort in the URL query string.
 *
 * @remarks
 * The URL is the single source of truth so a filtered view can be shared as
 * a link, survives reloads and works with the browser's back button.
 */
export function useCustomerFilters() {
  const [searchParams, setSearchParams] = useSearchParams();

  const search = searchParams.get('search') ?? '';
  const appSlug = searchParams.get('appSlug') ?? '';
  const channelSlug = searchParams.get('channelSlug') ?? '';
  const licenseType = oneOf(LICENSE_TYPES, searchParams.get('licenseType'));
  const status = oneOf(CUSTOMER_STATUS_FILTERS, searchParams.get('status'));
  const active = parseActive(searchParams.get('active'));
  const sort = oneOf(CUSTOMER_SORTS, searchParams.get('sort')) ?? 'name';
  const order = searchParams.get('order') === 'desc' ? 'desc' : 'asc';

  // Memoised on the primitive values so consumers can use it as a dependency.
  const filters = useMemo<CustomerFilters>(
    () => ({
      search,
      appSlug,
      channelSlug,
      licenseType,
      status,
      active,
      sort,
      order,
    }),
    [search, appSlug, channelSlug, licenseType, status, active, sort, order],
  );

  const setFilters = useCallback(
    (patch: Partial<CustomerFilters>) => {
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') {
              next.delete(key);
            } else {
              next.set(key, String(value));
            }
          }
          return next;
        },
        // Typing in a filter should not push one history entry per keystroke.
        { replace: true },
      );
    },
    [setSearchParams],
  );

  /** Clears the filters; the sort stays as chosen. */
  const clearFilters = useCallback(() => {
    setSearchParams(
      previous => {
        const next = new URLSearchParams(previous);
        FILTER_KEYS.forEach(key => next.delete(key));
        return next;
      },
      { replace: true },
    );
  }, [setSearchParams]);

  const hasFilters =
    search !== '' ||
    appSlug !== '' ||
    channelSlug !== '' ||
    licenseType !== undefined ||
    status !== undefined ||
    active !== undefined;

  return { filters, setFilters, clearFilters, hasFilters };
}
