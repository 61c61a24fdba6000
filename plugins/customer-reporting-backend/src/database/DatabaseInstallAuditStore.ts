import { Knex } from 'knex';
import { INSTALL_ATTEMPT_STATUSES } from '@customer-reporting/plugin-customer-reporting-common';
import { STEP_ORDER } from '../metrics/installAttemptSummary';
import { CustomerFilter } from '../permissions/customerFilter';
import { isPostgres } from './databaseEngine';
import {
  attemptsAsOf,
  AttemptsAsOf,
  filteredAttempts,
  InstallAttemptFilters,
  progressAsOf,
  stopStepSql,
} from './installAttemptQuery';
import {
  ATTEMPT_DURATION_MS_SQL,
  TIMED_ATTEMPT_SQL,
} from './attemptDurationSql';
import { intDivSql, P50, P90, percentileContSql, sqlInt } from './sqlMath';

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

  /**
   * The filtered attempts with their status; a query, not yet run. `extra`
   * columns only for the figure that reads them: the summary's
   * started_event_at is not in the funnel's covering index.
   */
  private attempts(q: AuditQuery, at: AttemptsAsOf, extra: string[] = []) {
    return filteredAttempts(
      this.db,
      q.filters,
      at,
      q.customerFilter,
      // progressAsOf's install type reads when it was reported; only a cut
      // needs it, so an uncut read stays within the covering indexes.
      [
        ...AUDIT_COLUMNS,
        ...extra,
        ...(at.cutsAttempts ? ['a.install_type_known_at'] : []),
      ],
    );
  }

  private judgedAt(q: AuditQuery): Promise<AttemptsAsOf> {
    return attemptsAsOf(this.db, q.asOf, q.stalledAfterMs);
  }

  /**
   * Status counts, and the median and p90 duration of the succeeded
   * attempts whose started event is known (an unknown start is no
   * duration). Two statements, run side by side: the counts read every
   * attempt's status once, the durations only the attempts completed by
   * asOf, a range of install_attempts_outcomes. As one statement the
   * percentiles' filter made PostgreSQL evaluate the status of all 200,000
   * attempts twice more, 165 ms p95 at L against 150 (docs/benchmarks.md).
   */
  async summary(q: AuditQuery) {
    const at = await this.judgedAt(q);
    const statuses = INSTALL_ATTEMPT_STATUSES;
    // Exact milliseconds in, seconds rounded out: whole seconds would
    // truncate every duration before the interpolation.
    const durationMs = ATTEMPT_DURATION_MS_SQL;
    const [[counted], [timed]] = await Promise.all([
      this.onceEach(this.attempts(q, at)).select(
        ...statuses.map((status, i) =>
          this.db.raw(`count(*) filter (where status = ?) as ??`, [
            status,
            `s${i}`,
          ]),
        ),
      ),
      this.attempts(q, at, ['a.started_event_at'])
        // Implied by TIMED_ATTEMPT_SQL (succeeded means completed by asOf);
        // stated so the database reads only that range of the index.
        .where('completed_at', '<=', q.asOf)
        .whereRaw(TIMED_ATTEMPT_SQL)
        .select(
          this.db.raw(
            `${percentileContSql(this.db, durationMs, P50)} as median`,
          ),
          this.db.raw(`${percentileContSql(this.db, durationMs, P90)} as p90`),
        ),
    ]);
    const counts = Object.fromEntries(
      statuses.map((status, i) => [status, Number(counted[`s${i}`] ?? 0)]),
    ) as Record<(typeof statuses)[number], number>;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const seconds = (ms: unknown) =>
      ms === null || ms === undefined ? null : Math.round(Number(ms) / 1000);
    return {
      total,
      succeeded: counts.succeeded,
      failed: counts.failed,
      stalled: counts.stalled,
      inProgress: counts['in-progress'],
      discarded: counts.discarded,
      // Attempts still in progress have no outcome yet.
      successRate: successRate(counts.succeeded, total - counts['in-progress']),
      medianDurationSeconds: seconds(timed.median),
      p90DurationSeconds: seconds(timed.p90),
    };
  }

  /**
   * SQLite inlines a subquery into the aggregation over it and evaluates
   * the status CASE again at every mention of `status` (the summary's
   * counts have five). A LIMIT keeps the subquery a co-routine that computes each
   * attempt's status once: the summary of 200,000 attempts takes 41 instead
   * of 73 ms of CPU. Not for grouped reads: a co-routine's rows come unordered,
   * so the funnel could no longer group in index order.
   */
  private onceEach(attempts: Knex.QueryBuilder): Knex.QueryBuilder {
    if (isPostgres(this.db)) return attempts;
    return this.db.from(attempts.limit(-1).as('attempts'));
  }

  /**
   * Per install type: how many attempts reached each step by asOf, and how
   * many of the stalled and failed ones stopped there, leaving out those
   * whose install type was not reported by asOf. Grouped by the
   * leading columns of install_attempts_funnel, so SQLite reads the attempts
   * in group order instead of sorting them.
   */
  async funnel(q: AuditQuery) {
    const at = await this.judgedAt(q);
    const { stepIndex, installType: typeSql } = progressAsOf(at);
    const rows: {
      install_type: string;
      furthest_step_index: unknown;
      count: unknown;
      stalled: unknown;
      failed: unknown;
    }[] = await this.attempts(q, at)
      .whereRaw(`${typeSql} is not null`)
      .select(
        this.db.raw(`${typeSql} as install_type`),
        this.db.raw(`${stepIndex} as furthest_step_index`),
        this.db.raw('count(*) as count'),
        this.db.raw(`count(*) filter (where status = 'stalled') as stalled`),
        this.db.raw(`count(*) filter (where status = 'failed') as failed`),
      )
      .groupByRaw(`${typeSql}, ${stepIndex}`);
    return {
      installTypes: (['helm', 'linux'] as const)
        .filter(type => rows.some(r => r.install_type === type))
        .map(installType => {
          const ofType = rows.filter(r => r.install_type === installType);
          const sum = (
            predicate: (index: number) => boolean,
            column: 'count' | 'stalled' | 'failed',
          ) =>
            ofType
              .filter(r => predicate(Number(r.furthest_step_index)))
              .reduce((a, r) => a + Number(r[column]), 0);
          return {
            installType,
            steps: STEP_ORDER[installType].map((step, i) => ({
              step,
              reached: sum(index => index >= i + 1, 'count'),
              stalledHere: sum(index => index === i + 1, 'stalled'),
              failedHere: sum(index => index === i + 1, 'failed'),
            })),
          };
        }),
    };
  }

  /** Failed and stalled attempts by the step they stopped at and normalised reason. */
  async failureGroups(q: AuditQuery, limit = 100) {
    const at = await this.judgedAt(q);
    const stepSql = stopStepSql(at);
    const { lastEventAt, failedAt, reason, reasonKey } = progressAsOf(at);
    const rows = await this.attempts(
      {
        ...q,
        filters: {
          ...q.filters,
          status: intersect(q.filters.status, ['failed', 'stalled']),
        },
      },
      at,
    )
      .select(
        'status',
        this.db.raw(`${stepSql} as step`),
        this.db.raw(`${reasonKey} as reason_key`),
        this.db.raw(`max(${reason}) as reason`),
        this.db.raw('count(*) as count'),
        this.db.raw('count(distinct customer_id) as customers'),
        this.db.raw(`min(coalesce(${failedAt}, ${lastEventAt})) as first_seen`),
        this.db.raw(`max(coalesce(${failedAt}, ${lastEventAt})) as last_seen`),
      )
      .groupBy('status', this.db.raw(stepSql), this.db.raw(reasonKey))
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
    const at = await this.judgedAt(q);
    // By the start as it was at asOf.
    const { startedAt } = progressAsOf(at);
    const week = this.db.raw(
      intDivSql(this.db, `${startedAt} - ${sqlInt(FIRST_MONDAY)}`, WEEK),
    );
    const rows = await this.attempts(q, at)
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
