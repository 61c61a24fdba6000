import { Knex } from 'knex';
import { isPostgres } from './databaseEngine';
import { sqlInt } from './sqlMath';
import { stepAtSql, stepIndexSql } from './stepOrderSql';
import { ATTRIBUTE_COLUMNS, knownAtColumn } from './attemptSummaryRow';
import { FilteredAttribute } from '../metrics/installAttemptSummary';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';

/** Filters shared by the attempt list, its CSV export and the fleet audit. */
export interface InstallAttemptFilters {
  appSlug?: string;
  channelSlug?: string;
  customerId?: string;
  status?: string[];
  installType?: string;
  networkMode?: string;
  registry?: string;
  k8sDistribution?: string;
  os?: string;
  appVersion?: string;
  /** stopped at this step (stopStepSql), as a failure group */
  step?: string;
  /** with this normalised failure reason (reason_key) */
  reason?: string;
  /** started at or after */
  from?: number;
  /** started before */
  to?: number;
}

/**
 * The status of an attempt as seen from `asOf`, in SQL (the same rule as
 * metrics/installAttemptStatus.ts): an outcome after asOf has not happened
 * yet; with no outcome the attempt is stalled once its last activity is at
 * least `stalledAfterMs` old. When the last event came after asOf, the last
 * activity is that of its latest event up to asOf (`cut`, joined by
 * filteredAttempts).
 */
function attemptStatusColumn(
  db: Knex,
  { asOf, stalledAfterMs, cutsAttempts }: AttemptsAsOf,
): Knex.Raw {
  const lastActivity = cutsAttempts
    ? `case when a.last_event_at <= ? then a.last_event_at else coalesce(cut.last_at, a.started_at) end`
    : 'a.last_event_at';
  return db.raw(
    `(case
      when a.completed_at is not null and a.completed_at <= ? then 'succeeded'
      when a.failed_at is not null and a.failed_at <= ? then 'failed'
      when a.discarded_at is not null and a.discarded_at <= ? then 'discarded'
      when ${lastActivity} <= ? then 'stalled'
      else 'in-progress'
    end) as status`,
    [asOf, asOf, asOf, ...(cutsAttempts ? [asOf] : []), asOf - stalledAfterMs],
  );
}

/** The moment attempts are judged at, and whether it cuts any attempt short. */
export interface AttemptsAsOf {
  asOf: number;
  stalledAfterMs: number;
  /** Some attempt has an event after asOf (never when asOf is now). */
  cutsAttempts: boolean;
}

/**
 * The judging moment of {@link filteredAttempts}: whether any attempt has
 * an event after `asOf` is one probe of install_attempts_last_event.
 */
export async function attemptsAsOf(
  db: Knex,
  asOf: number,
  stalledAfterMs: number,
): Promise<AttemptsAsOf> {
  const later = await db('install_attempts')
    .where('last_event_at', '>', asOf)
    .first('id');
  return { asOf, stalledAfterMs, cutsAttempts: later !== undefined };
}

/**
 * For each attempt whose last event came after `asOf`, from its events up
 * to `asOf`: the time of the latest (`last_at`) and the index of the
 * furthest step reached (`step_index`). Joined only when some attempt has
 * such an event. A join rather than a subquery per attempt: PostgreSQL
 * prices such a subquery at every row, whether it runs or not, and then
 * JIT-compiles the statement (0.4 s at 200,000 attempts).
 */
function cutAttempts(db: Knex, asOf: number): Knex.QueryBuilder {
  return db('install_attempts as later')
    .join('install_attempt_events as ev', 'ev.attempt_id', 'later.id')
    .where('later.last_event_at', '>', asOf)
    .andWhere('ev.at', '<=', asOf)
    .groupBy('ev.attempt_id')
    .select(
      'ev.attempt_id',
      db.raw(
        `max(${stepIndexSql('later.install_type', 'ev.step')}) as step_index`,
      ),
    )
    .max({ last_at: 'ev.at' })
    .as('cut');
}

/**
 * An attempt's start as it was at asOf (one `?`, bound to asOf), over the
 * install_attempts columns of `table`. A `started` event after asOf
 * (stamped after another event by a clock that disagrees) was not known
 * then: the attempt had started at its earliest event, as one whose
 * started event never came. One at or before asOf is the start; so is
 * started_at, the earliest event, of an attempt without one.
 */
export const startedAtAsOfSql = (table: string) =>
  `case when ${table}.started_at <= ? then ${table}.started_at else ${table}.first_event_at end`;

/**
 * The columns {@link filteredAttempts} adds when `asOf` cuts attempts: from
 * `cut`, and the start as it was at asOf (`started_at_as_of`).
 */
function cutColumns(db: Knex, asOf: number): Knex.Raw[] {
  return [
    db.raw(`${startedAtAsOfSql('a')} as started_at_as_of`, [asOf]),
    db.raw('cut.last_at as cut_last_at'),
    db.raw('cut.step_index as cut_step_index'),
    db.raw(`${stepAtSql('a.install_type', 'cut.step_index')} as cut_step`),
  ];
}

/** SQL of each of the figures of {@link progressAsOf}. */
export type AttemptProgress = Record<
  | 'startedAt'
  | 'installType'
  | 'stepIndex'
  | 'step'
  | 'lastEventAt'
  | 'failedAt'
  | 'reason'
  | 'reasonKey',
  string
>;

/**
 * How far each of the filtered attempts had got by `asOf`, as SQL over the
 * rows of {@link filteredAttempts}: the furthest step and its index, the
 * time of the latest event, the failure (time, reason and its key) if
 * it had happened, and the install type if it had been reported (read
 * from `install_type_known_at`, which the rows must then have). The
 * stored columns hold them as of the latest event; an attempt that `asOf`
 * cuts short takes them from `cut` and leaves out a later failure.
 * The start time is the one the attempt had at `asOf` (cutColumns).
 * Literals, not bound parameters, so PostgreSQL matches a grouped
 * expression with the same one in the select list.
 */
export function progressAsOf(at: AttemptsAsOf): AttemptProgress {
  if (!at.cutsAttempts) {
    return {
      startedAt: 'started_at',
      installType: 'install_type',
      stepIndex: 'furthest_step_index',
      step: 'furthest_step',
      lastEventAt: 'last_event_at',
      failedAt: 'failed_at',
      reason: 'reason',
      reasonKey: 'reason_key',
    };
  }
  const failedBy = (column: string) =>
    `case when failed_at <= ${sqlInt(at.asOf)} then ${column} end`;
  return {
    startedAt: 'started_at_as_of',
    installType: `case when install_type_known_at <= ${sqlInt(
      at.asOf,
    )} then install_type end`,
    stepIndex: 'coalesce(cut_step_index, furthest_step_index)',
    step: 'case when cut_step_index is null then furthest_step else cut_step end',
    lastEventAt: 'coalesce(cut_last_at, last_event_at)',
    failedAt: failedBy('failed_at'),
    reason: failedBy('reason'),
    reasonKey: failedBy('reason_key'),
  };
}

/**
 * The step an attempt stopped at, over the filtered attempts: where it
 * failed (or the furthest step it reached when the failure named none), else
 * the furthest step reached by `asOf`. Failure groups group by it.
 */
export function stopStepSql(at: AttemptsAsOf): string {
  const { step } = progressAsOf(at);
  return `case when status = 'failed' then coalesce(failed_step, ${step}) else ${step} end`;
}

/** What the attempt list shows: the attempt and its customer's name and app. */
const LIST_COLUMNS = [
  'a.*',
  'c.name as customer_name',
  'c.app_slug',
  'c.channel_slug',
];

/**
 * `install_attempts as a` joined to its customer as `c`, with a computed
 * `status` column, filtered. An attempt exists from its earliest event,
 * whatever its type: one whose first event came after asOf does not exist
 * yet. `from`/`to` select on its start time as of asOf (progressAsOf).
 */
export function filteredAttempts(
  db: Knex,
  filters: InstallAttemptFilters,
  at: AttemptsAsOf,
  customerFilter: CustomerFilter = 'all',
  columns: string[] = LIST_COLUMNS,
): Knex.QueryBuilder {
  const { asOf } = at;
  // Without a cut every attempt's events, so its first, are by asOf: the
  // bound holds for all and stays within the covering indexes' columns.
  // With one, an attempt's started event may come after another event
  // that is by asOf: the first event's time says whether it existed.
  const existsSince = at.cutsAttempts ? 'a.first_event_at' : 'a.started_at';
  const inner = db('install_attempts as a')
    // SQLite would walk the index for a bound that usually matches every
    // attempt; `+ 0` makes it scan, several times faster. The from/to
    // filters below still use the started_at index.
    .whereRaw(
      isPostgres(db) ? `${existsSince} <= ?` : `${existsSince} + 0 <= ?`,
      [asOf],
    )
    .select(...columns, attemptStatusColumn(db, at));
  if (at.cutsAttempts) {
    inner
      .leftJoin(cutAttempts(db, asOf), 'cut.attempt_id', 'a.id')
      .select(cutColumns(db, asOf));
  }
  // Every attempt has its customer (ingest checks), so the join is only
  // needed for customer columns and filters.
  if (
    columns.some(c => c.startsWith('c.')) ||
    filters.appSlug ||
    filters.channelSlug ||
    customerFilter !== 'all'
  ) {
    inner.join('customers as c', 'c.id', 'a.customer_id');
  }
  applyCustomerFilter(inner, customerFilter);
  if (filters.appSlug) inner.where('c.app_slug', filters.appSlug);
  if (filters.channelSlug) inner.where('c.channel_slug', filters.channelSlug);
  if (filters.customerId) inner.where('a.customer_id', filters.customerId);
  for (const attribute of Object.keys(
    ATTRIBUTE_COLUMNS,
  ) as FilteredAttribute[]) {
    const value = filters[attribute];
    if (!value) continue;
    inner.where(`a.${ATTRIBUTE_COLUMNS[attribute]}`, value);
    // An attempt that reported it after asOf did not have it yet. Without
    // a cut every attempt's events, so the attribute's first, are by asOf.
    if (at.cutsAttempts)
      inner.where(`a.${knownAtColumn(attribute)}`, '<=', asOf);
  }
  // The start as of asOf lies between the first event and started_at, so
  // these indexed bounds keep every attempt the exact ones below select.
  if (filters.from !== undefined)
    inner.where('a.started_at', '>=', filters.from);
  if (filters.to !== undefined)
    inner.where(
      at.cutsAttempts ? 'a.first_event_at' : 'a.started_at',
      '<',
      filters.to,
    );
  // Wrapped so the computed status can be filtered and grouped on.
  const outer = db.from(inner.as('attempts'));
  if (at.cutsAttempts) {
    if (filters.from !== undefined)
      outer.where('started_at_as_of', '>=', filters.from);
    if (filters.to !== undefined)
      outer.where('started_at_as_of', '<', filters.to);
  }
  if (filters.status) outer.whereIn('status', filters.status);
  if (filters.step) outer.whereRaw(`${stopStepSql(at)} = ?`, [filters.step]);
  if (filters.reason)
    outer.whereRaw(`${progressAsOf(at).reasonKey} = ?`, [filters.reason]);
  return outer;
}
