import { InstallAttemptFilters } from '../database/installAttemptQuery';
import { requireTime } from './readQueries';

/**
 * The filter parameters of every install attempt route as the spec validated
 * them: the store's filters, with the status list and the times as sent.
 */
export type AttemptFilterQuery = Omit<
  InstallAttemptFilters,
  'status' | 'from' | 'to'
> & {
  /** One status or a comma-separated list. */
  status?: string;
  from?: string;
  to?: string;
};

const time = (value: string | undefined, field: string) =>
  value === undefined ? undefined : requireTime(value, field);

/** The store's filters from a route's query (its paging, sorting and asOf left out). */
export function toAttemptFilters(
  query: AttemptFilterQuery,
): InstallAttemptFilters {
  return {
    appSlug: query.appSlug,
    channelSlug: query.channelSlug,
    customerId: query.customerId,
    status: query.status?.split(',').map(status => status.trim()),
    installType: query.installType,
    networkMode: query.networkMode,
    registry: query.registry,
    k8sDistribution: query.k8sDistribution,
    os: query.os,
    appVersion: query.appVersion,
    step: query.step,
    reason: query.reason,
    from: time(query.from, 'from'),
    to: time(query.to, 'to'),
  };
}
