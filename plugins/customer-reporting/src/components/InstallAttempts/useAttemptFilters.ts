import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DateTime } from 'luxon';
import {
  INSTALL_ATTEMPT_STATUSES,
  InstallAttemptStatus,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  InstallAttemptFilters,
  InstallAttemptSort,
  TimeToInstallGroupBy,
} from '../../api';
import { oneOf } from '../shared';

/**
 * The page's filters as the user chose them. Dates stay `YYYY-MM-DD` here
 * (what the date inputs and the URL hold); {@link toApiFilters} turns them
 * into the backend's ISO times.
 */
export interface AttemptFilterValues {
  status: InstallAttemptStatus[];
  installType?: 'helm' | 'linux';
  networkMode?: 'online' | 'proxy' | 'airgap';
  registry?: 'online' | 'partial' | 'offline';
  appSlug: string;
  channelSlug: string;
  k8sDistribution: string;
  os: string;
  appVersion: string;
  /** A failure group: the step attempts stopped at, the normalised reason. */
  step: string;
  reason: string;
  from: string;
  to: string;
}

export const INSTALL_TYPES = ['helm', 'linux'] as const;
export const NETWORK_MODES = ['online', 'proxy', 'airgap'] as const;
export const REGISTRIES = ['online', 'partial', 'offline'] as const;
export const SORTS: InstallAttemptSort[] = [
  'startedAt',
  'customer',
  'status',
  'duration',
  'installType',
];
const GROUP_BYS: TimeToInstallGroupBy[] = ['app', 'channel', 'appVersion'];

/** Query string keys of the filters; sort and groupBy survive "Clear". */
const FILTER_KEYS: (keyof AttemptFilterValues)[] = [
  'status',
  'installType',
  'networkMode',
  'registry',
  'appSlug',
  'channelSlug',
  'k8sDistribution',
  'os',
  'appVersion',
  'step',
  'reason',
  'from',
  'to',
];

function dateParam(value: string | null): string {
  return value && DateTime.fromISO(value).isValid ? value : '';
}

/**
 * Day boundaries in the viewer's time zone, like every date the plugin
 * shows; `to` is inclusive for the user, so it becomes the next midnight
 * (the backend's `to` is exclusive).
 */
export function toApiFilters(
  values: AttemptFilterValues,
): InstallAttemptFilters {
  const day = (date: string, plusDays: number) =>
    date
      ? DateTime.fromISO(date)
          .startOf('day')
          .plus({ days: plusDays })
          .toUTC()
          .toISO() ?? undefined
      : undefined;
  return {
    status: values.status.length ? values.status : undefined,
    installType: values.installType,
    networkMode: values.networkMode,
    registry: values.registry,
    appSlug: values.appSlug || undefined,
    channelSlug: values.channelSlug || undefined,
    k8sDistribution: values.k8sDistribution || undefined,
    os: values.os || undefined,
    appVersion: values.appVersion || undefined,
    step: values.step || undefined,
    reason: values.reason || undefined,
    from: day(values.from, 0),
    to: day(values.to, 1),
  };
}

/**
 * Reads and writes the page's filters, the list's sort and the time to
 * install grouping in the URL query string, so a filtered audit can be
 * shared as a link and the back button works.
 */
export function useAttemptFilters() {
  const [params, setParams] = useSearchParams();

  const statusParam = params.get('status') ?? '';
  const text = (key: string) => (params.get(key) ?? '').trim();
  const raw = {
    installType: oneOf(INSTALL_TYPES, params.get('installType')),
    networkMode: oneOf(NETWORK_MODES, params.get('networkMode')),
    registry: oneOf(REGISTRIES, params.get('registry')),
    appSlug: text('appSlug'),
    channelSlug: text('channelSlug'),
    k8sDistribution: text('k8sDistribution'),
    os: text('os'),
    appVersion: text('appVersion'),
    step: text('step'),
    reason: text('reason'),
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
  };
  // Memoised on the serialised values so consumers can depend on it.
  const key = JSON.stringify([statusParam, raw]);
  const filters = useMemo<AttemptFilterValues>(
    () => ({
      ...raw,
      status: INSTALL_ATTEMPT_STATUSES.filter(s =>
        statusParam.split(',').includes(s),
      ),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  const sort = oneOf(SORTS, params.get('sort')) ?? 'startedAt';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const groupBy = oneOf(GROUP_BYS, params.get('groupBy')) ?? 'app';

  const update = useCallback(
    (patch: Record<string, string | string[] | undefined>) => {
      setParams(
        previous => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(patch)) {
            const joined = Array.isArray(value) ? value.join(',') : value;
            if (joined) next.set(name, joined);
            else next.delete(name);
          }
          return next;
        },
        // Typing in a filter should not push one history entry per keystroke.
        { replace: true },
      );
    },
    [setParams],
  );

  const setFilters = useCallback(
    (patch: Partial<AttemptFilterValues>) => update(patch),
    [update],
  );
  const clearFilters = useCallback(
    () => update(Object.fromEntries(FILTER_KEYS.map(k => [k, undefined]))),
    [update],
  );
  const setSort = useCallback(
    (next: InstallAttemptSort, nextOrder: 'asc' | 'desc') =>
      update({ sort: next, order: nextOrder }),
    [update],
  );
  const setGroupBy = useCallback(
    (next: TimeToInstallGroupBy) => update({ groupBy: next }),
    [update],
  );

  const hasFilters = FILTER_KEYS.some(k => (filters[k]?.length ?? 0) > 0);
  const apiFilters = useMemo(() => toApiFilters(filters), [filters]);

  return {
    filters,
    apiFilters,
    setFilters,
    clearFilters,
    hasFilters,
    sort,
    order: order as 'asc' | 'desc',
    setSort,
    groupBy,
    setGroupBy,
  };
}
