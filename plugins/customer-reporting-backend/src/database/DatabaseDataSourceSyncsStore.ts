import { Knex } from 'knex';
import {
  DataSourceStatus,
  DataSourceSyncState,
} from '@customer-reporting/plugin-customer-reporting-common';
import { toIso, toNumber } from './time';

/** Error messages can be long stack-laden texts; the panel needs the gist. */
const MAX_ERROR_LENGTH = 2000;

interface SyncRow {
  source_id: string;
  last_started_at: number | string | null;
  last_succeeded_at: number | string | null;
  last_failed_at: number | string | null;
  last_error: string | null;
  counts: string | null;
  cursor: string | null;
}

function stateOf(row: SyncRow | undefined): DataSourceSyncState {
  const started = toNumber(row?.last_started_at) ?? 0;
  const succeeded = toNumber(row?.last_succeeded_at) ?? 0;
  const failed = toNumber(row?.last_failed_at) ?? 0;
  if (!started && !succeeded && !failed) return 'never-run';
  if (started > Math.max(succeeded, failed)) return 'running';
  return failed > succeeded ? 'failed' : 'succeeded';
}

/**
 * Sync status of the data sources, one row per source id, written by the
 * scheduler around each sync. Rows are only ever upserted: the status of a
 * source that is no longer registered stays but is not listed.
 */
export class DatabaseDataSourceSyncsStore {
  constructor(private readonly db: Knex) {}

  async recordStarted(sourceId: string, at: number): Promise<void> {
    await this.db('data_source_syncs')
      .insert({ source_id: sourceId, last_started_at: at })
      .onConflict('source_id')
      .merge(['last_started_at']);
  }

  /** Counts and cursor replace the previous ones; the last error is kept. */
  async recordSucceeded(
    sourceId: string,
    at: number,
    result: { counts?: Record<string, number>; cursor?: string },
  ): Promise<void> {
    const row: Partial<SyncRow> = {
      source_id: sourceId,
      last_succeeded_at: at,
      counts: result.counts ? JSON.stringify(result.counts) : null,
    };
    const merged: (keyof SyncRow)[] = ['last_succeeded_at', 'counts'];
    // A sync without a cursor leaves the stored one alone.
    if (result.cursor !== undefined) {
      row.cursor = result.cursor;
      merged.push('cursor');
    }
    await this.db('data_source_syncs')
      .insert(row)
      .onConflict('source_id')
      .merge(merged);
  }

  async recordFailed(
    sourceId: string,
    at: number,
    message: string,
  ): Promise<void> {
    await this.db('data_source_syncs')
      .insert({
        source_id: sourceId,
        last_failed_at: at,
        last_error: message.slice(0, MAX_ERROR_LENGTH),
      })
      .onConflict('source_id')
      .merge(['last_failed_at', 'last_error']);
  }

  async getCursor(sourceId: string): Promise<string | undefined> {
    const row = await this.db<SyncRow>('data_source_syncs')
      .where({ source_id: sourceId })
      .first('cursor');
    return row?.cursor ?? undefined;
  }

  /** The status of each given source, in id order; unknown ids never ran. */
  async list(sourceIds: string[]): Promise<DataSourceStatus[]> {
    const rows: SyncRow[] = sourceIds.length
      ? await this.db<SyncRow>('data_source_syncs').whereIn(
          'source_id',
          sourceIds,
        )
      : [];
    const byId = new Map(rows.map(r => [r.source_id, r]));
    return [...sourceIds].sort().map(id => {
      const row = byId.get(id);
      return {
        id,
        state: stateOf(row),
        lastStartedAt: toIso(row?.last_started_at),
        lastSucceededAt: toIso(row?.last_succeeded_at),
        lastFailedAt: toIso(row?.last_failed_at),
        lastError: row?.last_error ?? null,
        counts: row?.counts ? JSON.parse(row.counts) : null,
      };
    });
  }
}
