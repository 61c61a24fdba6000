import { Knex } from 'knex';
import { chunk } from './chunk';
import { IngestResult } from '@customer-reporting/plugin-customer-reporting-common';
import { IngestedAttemptEvent } from '../ingest/ingestTypes';
import { BatchValidationError, ValidationIssue } from '../ingest/validate';
import { stepOf } from '../metrics/installAttemptSummary';
import { attemptRowsAsOf } from './attemptRowsAsOf';
import { attemptSummaryRow, summarizeStoredEvents } from './attemptSummaryRow';
import { contentHash } from './contentHash';
import { BulkRow, insertNewRows } from './bulkRows';
import { INSTALL_ATTEMPT_EVENTS } from './ingestTables';
import { CustomerFilter } from '../permissions/customerFilter';
import {
  AttemptProgress,
  attemptsAsOf,
  filteredAttempts,
  InstallAttemptFilters,
  progressAsOf,
} from './installAttemptQuery';
import {
  ATTEMPT_DURATION_MS_SQL,
  TIMED_ATTEMPT_SQL,
} from './attemptDurationSql';

/** Each sort's SQL, given where the attempts had got by asOf (progressAsOf). */
export const ATTEMPT_SORTS = {
  // The start as the page shows it at asOf.
  startedAt: (progress: AttemptProgress) => progress.startedAt,
  customer: () => 'customer_name',
  status: () => 'status',
  // Attempts without a duration sort as -1.
  duration: () =>
    `case when ${TIMED_ATTEMPT_SQL} then ${ATTEMPT_DURATION_MS_SQL} else -1 end`,
  // As the page shows it: none yet when reported after asOf.
  installType: (progress: AttemptProgress) =>
    `coalesce(${progress.installType}, '')`,
} as const;
export type AttemptSort = keyof typeof ATTEMPT_SORTS;
/** The sorts whose values are numbers (the others' are strings). */
export const NUMERIC_ATTEMPT_SORTS: ReadonlySet<AttemptSort> = new Set([
  'startedAt',
  'duration',
]);

export interface AttemptPageQuery {
  asOf: number;
  stalledAfterMs: number;
  limit: number;
  sort: AttemptSort;
  order: 'asc' | 'desc';
  /** Which customers the caller may see. */
  customerFilter?: CustomerFilter;
  /** Sort value and id of the last row of the previous page (keyset). */
  after?: { value: string | number; id: string };
}

/**
 * Install attempt events as sent, plus one summary row per attempt that is
 * recomputed from the attempt's own (few) events whenever one arrives.
 */
export class DatabaseInstallAttemptsStore {
  constructor(private readonly db: Knex) {}

  async ingestEvents(events: IngestedAttemptEvent[]): Promise<IngestResult> {
    const rows = new Map<string, BulkRow>();
    for (const event of events) {
      const id = contentHash(event);
      rows.set(id, [
        id,
        event.attemptId,
        event.customerId,
        event.type,
        event.at,
        stepOf(event) ?? null,
        JSON.stringify(event),
      ]);
    }
    let accepted = 0;
    await this.db.transaction(async tx => {
      await this.checkOwnership(tx, events);
      const inserted = await insertNewRows(tx, INSTALL_ATTEMPT_EVENTS, [
        ...rows.values(),
      ]);
      accepted = inserted.filter(Boolean).length;
      if (accepted === 0) return;
      const attemptIds = [...new Set(events.map(e => e.attemptId))].sort();
      for (const attemptId of attemptIds) {
        await this.resummarize(
          tx,
          attemptId,
          events.find(e => e.attemptId === attemptId)!.customerId,
        );
      }
    });
    return { accepted, duplicates: events.length - accepted };
  }

  /**
   * One page of attempts, newest first, with the total of the filtered set
   * and the sort key of its last row (the next page's `after`).
   */
  async listAttempts(filters: InstallAttemptFilters, query: AttemptPageQuery) {
    const at = await attemptsAsOf(this.db, query.asOf, query.stalledAfterMs);
    const base = filteredAttempts(this.db, filters, at, query.customerFilter);
    const sortSql = ATTEMPT_SORTS[query.sort](progressAsOf(at));
    const page = base.clone();
    if (query.after) {
      const { value, id } = query.after;
      const beyond = query.order === 'asc' ? '>' : '<';
      page.whereRaw(
        `((${sortSql}) ${beyond} ? or ((${sortSql}) = ? and id > ?))`,
        [value, value, id],
      );
    }
    const [rows, [{ count }]] = await Promise.all([
      page
        .orderByRaw(`${sortSql} ${query.order}, id asc`)
        .limit(query.limit + 1)
        .select('*', this.db.raw(`${sortSql} as sort_value`)),
      base.clone().count({ count: '*' }),
    ]);
    const items = (rows as any[]).slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      rows: await attemptRowsAsOf(this.db, items, query.asOf),
      totalCount: Number(count),
      hasMore: rows.length > query.limit,
      lastKey: last && {
        // PostgreSQL answers bigint expressions as strings.
        value: NUMERIC_ATTEMPT_SORTS.has(query.sort)
          ? Number(last.sort_value)
          : (last.sort_value as string),
        id: last.id as string,
      },
    };
  }

  /** An attempt belongs to one customer for good. */
  private async checkOwnership(
    tx: Knex.Transaction,
    events: IngestedAttemptEvent[],
  ) {
    const ids = [...new Set(events.map(e => e.attemptId))];
    const owners = new Map<string, string>();
    for (const part of chunk(ids, 500)) {
      const rows = await tx('install_attempts')
        .whereIn('id', part)
        .select('id', 'customer_id');
      rows.forEach(r => owners.set(r.id, r.customer_id));
    }
    const issues: ValidationIssue[] = [];
    events.forEach((event, index) => {
      const owner = owners.get(event.attemptId);
      if (owner === undefined) owners.set(event.attemptId, event.customerId);
      else if (owner !== event.customerId) {
        issues.push({
          index,
          field: 'customerId',
          message: `attempt ${event.attemptId} belongs to customer ${owner}, not ${event.customerId}`,
        });
      }
    });
    if (issues.length > 0) throw new BatchValidationError(issues);
  }

  private async resummarize(
    tx: Knex.Transaction,
    attemptId: string,
    customerId: string,
  ) {
    const stored = await tx('install_attempt_events')
      .where({ attempt_id: attemptId })
      .orderBy(['at', 'id'])
      .select('payload');
    await tx('install_attempts')
      .insert({
        id: attemptId,
        customer_id: customerId,
        ...attemptSummaryRow(summarizeStoredEvents(stored.map(r => r.payload))),
      })
      .onConflict('id')
      .merge();
  }
}
