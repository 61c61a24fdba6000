import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  LICENSE_TYPES,
  LicenseType,
} from '@internal/plugin-customer-reporting-common';

/** Filters of the customer list, as read from the page's query string. */
export interface CustomerFilters {
  search: string;
  appSlug: string;
  licenseType?: LicenseType;
  active?: boolean;
}

/** Query string keys; the same names as the backend's query parameters. */
const KEYS = ['search', 'appSlug', 'licenseType', 'active'] as const;

function parseLicenseType(value: string | null): LicenseType | undefined {
  // A hand-edited or stale URL must not reach the backend as a bad filter.
  return (LICENSE_TYPES as readonly string[]).includes(value ?? '')
    ? (value as LicenseType)
    : undefined;
}

function parseActive(value: string | null): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/**
 * Reads and writes the list filters in the URL query string.
 *
 * @remarks
 * The URL is the single source of truth so a filtered view can be shared as
 * a link, survives reloads and works with the browser's back button.
 */
export function useCustomerFilters() {
  const [searchParams, setSearchParams] = useSearchParams();

  const search = searchParams.get('search') ?? '';
  const appSlug = searchParams.get('appSlug') ?? '';
  const licenseType = parseLicenseType(searchParams.get('licenseType'));
  const active = parseActive(searchParams.get('active'));

  // Memoised on the primitive values so consumers can use it as a dependency.
  const filters = useMemo<CustomerFilters>(
    () => ({ search, appSlug, licenseType, active }),
    [search, appSlug, licenseType, active],
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

  const clearFilters = useCallback(() => {
    setSearchParams(
      previous => {
        const next = new URLSearchParams(previous);
        KEYS.forEach(key => next.delete(key));
        return next;
      },
      { replace: true },
    );
  }, [setSearchParams]);

  const hasFilters =
    search !== '' ||
    appSlug !== '' ||
    licenseType !== undefined ||
    active !== undefined;

  return { filters, setFilters, clearFilters, hasFilters };
}
