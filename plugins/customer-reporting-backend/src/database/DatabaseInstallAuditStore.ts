import { Knex } from 'knex';
import { INSTALL_ATTEMPT_STATUSES } from '@customer-reporting/plugin-customer-reporting-common';
import { STEP_ORDER } from '../metrics/installAttemptSummary';
import { CustomerFilter } from '../permissions/customerFilter';
import {
  filteredAttempts,
  InstallAttemptFilters,
  STOP_STEP_SQL,
} from './installAttemptQuery';
import { intDivSql, P50, P90, percentilesOf, sqlInt } from './sqlMath';

const WEEK = 7 * 86_400_000;
/** 1970-01-05T00:00Z, a Monday: weeks start on Mondays (UTC). */
const FIRST_MONDAY = 4 * 86_400_000;

export interface AuditQuery {
  filters: InstallAttemptFilters;
  asOf: number;
  stalledAfterMs: number;
  customerFilter?: CustomerFilter;
}

/**
 * The columns the aggregations read. Only these leave the join, so a
 * database that materialises the filtered set does not carry the steps
 * JSON and the other wide columns of every attempt.
 */
const AUDIT_COLUMNS = [
  'a.customer_id',
  'a.install_type',
  'a.started_at',
  'a.completed_at',
  'a.failed_at',
  'a.failed_step',
  'a.furthest_step',
  'a.furthest_step_index',
  'a.last_event_at',
  'a.reason',
  'a.reason_key',
];

const successRate = (succeeded: number, decided: number) =>
  decided > 0 ? succeeded / decided : null;

/**
 * Fleet-wide install attempt audit. Every figure is a SQL aggregation over
 * the filtered attempts; only grouped rows come back.
 */
export class DatabaseInstallAuditStore {
  constructor(private readonly db: Knex) {}

  private attempts(q: AuditQuery) {
    return filteredAttempts(
      this.db,
      q.filters,
      q.asOf,
      q.stalledAfterMs,
      q.customerFilter,
      AUDIT_COLUMNS,
    );
  }

  async summary(q: AuditQuery) {
    // One row of filtered counts rather than a GROUP BY: no sort.
    const statuses = INSTALL_ATTEMPT_STATUSES;
    const [row] = await this.attempts(q).select(
      statuses.map((status, i) =>
        this.db.raw(`count(*) filter (where status = ?) as ??`, [
          status,
          `s${i}`,
        ]),
      ),
    );
    const counts = Object.fromEntries(
      statuses.map((status, i) => [status, Number(row[`s${i}`] ?? 0)]),
    ) as Record<(typeof statuses)[number], number>;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const durations = this.attempts(q)
      .where('status', 'succeeded')
      .select(this.db.raw('(completed_at - started_at) / 1000 as value'));
    const [median, p90] = await percentilesOf(
      this.db,
      durations,
      counts.succeeded,
      [P50, P90],
    );
    return {
      total,
      succeeded: counts.succeeded,
      failed: counts.failed,
      stalled: counts.stalled,
      inProgress: counts['in-progress'],
      discarded: counts.discarded,
      // Attempts still in progress have no outcome yet.
      successRate: successRate(counts.succeeded, total - counts['in-progress']),
      medianDurationSeconds: median === null ? null : Math.round(median),
      p90DurationSeconds: p90 === null ? null : Math.round(p90),
    };
  }

  /**
   * Per install type: how many attempts reached each step, and how many of
   * the stalled and failed ones stopped there (their furthest step).
   */
  async funnel(q: AuditQuery) {
    const rows = await this.attempts(q)
      .whereNotNull('install_type')
      .select('install_type', 'furthest_step_index', 'status')
      .count({ count: '*' })
      .groupBy('install_type', 'furthest_step_index', 'status');
    return {
      installTypes: (['helm', 'linux'] as const)
        .filter(type => rows.some(r => r.install_type === type))
        .map(installType => ({
          installType,
          steps: STEP_ORDER[installType].map((step, i) => {
            const of = (predicate: (r: any) => boolean) =>
              rows
                .filter(r => r.install_type === installType && predicate(r))
                .reduce((a, r) => a + Number(r.count), 0);
            return {
              step,
              reached: of(r => Number(r.furthest_step_index) >= i + 1),
              stalledHere: of(
                r =>
                  Number(r.furthest_step_index) === i + 1 &&
                  r.status === 'stalled',
              ),
              failedHere: of(
                r =>
                  Number(r.furthest_step_index) === i + 1 &&
                  r.status === 'failed',
              ),
            };
          }),
        })),
    };
  }

  /** Failed and stalled attempts by the step they stopped at and normalised reason. */
  async failureGroups(q: AuditQuery, limit = 100) {
    const stepSql = STOP_STEP_SQL;
    const rows = await this.attempts({
      ...q,
      filters: {
        ...q.filters,
        status: intersect(q.filters.status, ['failed', 'stalled']),
      },
    })
      .select(
        'status',
        this.db.raw(`${stepSql} as step`),
        'reason_key',
        this.db.raw('max(reason) as reason'),
        this.db.raw('count(*) as count'),
        this.db.raw('count(distinct customer_id) as customers'),
        this.db.raw('min(coalesce(failed_at, last_event_at)) as first_seen'),
        this.db.raw('max(coalesce(failed_at, last_event_at)) as last_seen'),
      )
      .groupBy('status', this.db.raw(stepSql), 'reason_key')
      .orderBy([
        { column: 'count', order: 'desc' },
        { column: 'last_seen', order: 'desc' },
      ])
      .limit(limit);
    return {
      items: rows.map((r: any) => ({
        status: r.status,
        step: r.step,
        reason: r.status === 'stalled' ? null : r.reason_key ?? null,
        exampleReason: r.reason ?? null,
        count: Number(r.count),
        customers: Number(r.customers),
        firstSeenAt: new Date(Number(r.first_seen)).toISOString(),
        lastSeenAt: new Date(Number(r.last_seen)).toISOString(),
      })),
    };
  }

  /** Attempts started per week (Monday UTC) and the success rate of those decided. */
  async trend(q: AuditQuery) {
    const week = this.db.raw(
      intDivSql(this.db, `started_at - ${sqlInt(FIRST_MONDAY)}`, WEEK),
    );
    const rows = await this.attempts(q)
      .select({ week })
      .select(
        this.db.raw('count(*) as attempts'),
        this.db.raw(
          `sum(case when status = 'succeeded' then 1 else 0 end) as succeeded`,
        ),
        this.db.raw(
          `sum(case when status = 'in-progress' then 1 else 0 end) as in_progress`,
        ),
      )
      .groupBy('week')
      .orderBy('week');
    return {
      weeks: rows.map((r: any) => ({
        weekStart: new Date(FIRST_MONDAY + Number(r.week) * WEEK).toISOString(),
        attempts: Number(r.attempts),
        succeeded: Number(r.succeeded),
        successRate: successRate(
          Number(r.succeeded),
          Number(r.attempts) - Number(r.in_progress),
        ),
      })),
    };
  }
}

function intersect(
  requested: string[] | undefined,
  allowed: string[],
): string[] {
  return requested ? requested.filter(s => allowed.includes(s)) : allowed;
}
