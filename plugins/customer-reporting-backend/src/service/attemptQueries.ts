import { z } from 'zod/v4';
import { INSTALL_ATTEMPT_STATUSES } from '@customer-reporting/plugin-customer-reporting-common';
import {
  ATTEMPT_SORTS,
  AttemptSort,
} from '../database/DatabaseInstallAttemptsStore';
import { InstallAttemptFilters } from '../database/installAttemptQuery';

const time = z
  .string()
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 time with a time zone',
  })
  .transform(value => Date.parse(value));

/** Query parameters of every install attempt route (list, export, audit). */
export const attemptFilterShape = {
  appSlug: z.string().max(100).optional(),
  channelSlug: z.string().max(100).optional(),
  customerId: z.string().max(100).optional(),
  // One status or a comma-separated list.
  status: z
    .string()
    .transform(v => v.split(',').map(s => s.trim()))
    .pipe(
      z.array(
        z.enum(INSTALL_ATTEMPT_STATUSES, {
          error: `must be among ${INSTALL_ATTEMPT_STATUSES.join(', ')}`,
        }),
      ),
    )
    .optional(),
  installType: z.enum(['helm', 'linux']).optional(),
  networkMode: z.enum(['online', 'proxy', 'airgap']).optional(),
  registry: z.enum(['online', 'partial', 'offline']).optional(),
  k8sDistribution: z.string().max(50).optional(),
  os: z.string().max(50).optional(),
  appVersion: z.string().max(100).optional(),
  // A failure group: the step attempts stopped at, the normalised reason.
  step: z.string().max(100).optional(),
  reason: z.string().max(255).optional(),
  from: time.optional(),
  to: time.optional(),
  asOf: time.optional(),
};

export const attemptListQuery = z
  .object({
    ...attemptFilterShape,
    sort: z
      .enum(Object.keys(ATTEMPT_SORTS) as [AttemptSort, ...AttemptSort[]])
      .default('startedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(1000).optional(),
  })
  .strict();

export const attemptAuditQuery = z.object(attemptFilterShape).strict();

const FILTER_KEYS = Object.keys(attemptFilterShape).filter(
  key => key !== 'asOf',
);

/** The filters of a parsed query, without paging, sorting and asOf. */
export function toAttemptFilters(
  query: Record<string, unknown>,
): InstallAttemptFilters {
  return Object.fromEntries(
    Object.entries(query).filter(([key]) => FILTER_KEYS.includes(key)),
  );
}
