import { Knex } from 'knex';
import { chunk, ROWS_PER_INSERT } from './chunk';
import { isPostgres } from './databaseEngine';
import { insertNewRows } from './bulkRows';
import { NEW_INSTANCES } from './ingestTables';
import { toNumber } from './time';
import { whereAnyOf } from './whereAnyOf';

/** The columns of an instance row that check-in ingest reads and rewrites. */
export interface InstanceRow {
  id: string;
  customer_id: string;
  first_seen_at: number;
  first_ready_at: number | null;
  last_check_in_at: number;
  state: string;
  /** Its raw check-ins before this time were deleted (retention). */
  check_ins_deleted_before: number | null;
  /** Created by this transaction: it has no check-ins stored before. */
  created: boolean;
}

/**
 * Locks the rows of every instance in a batch, creating the missing ones, and
 * returns them as they are now. Rows are locked in id order (PostgreSQL
 * `FOR UPDATE`; SQLite serialises writers) so that concurrent batches touching
 * the same instances cannot deadlock.
 */
export async function lockInstances(
  tx: Knex.Transaction,
  newInstances: Map<string, { customerId: string; firstAt: number }>,
  now: number,
): Promise<Map<string, InstanceRow>> {
  const ids = [...newInstances.keys()].sort();
  const rows = new Map<string, InstanceRow>();
  const readLocked = async (some: string[]) => {
    for (const part of chunk(some, ROWS_PER_INSERT)) {
      const query = whereAnyOf(tx, tx('instances'), 'id', part)
        .orderBy('id')
        .select(
          'id',
          'customer_id',
          'first_seen_at',
          'first_ready_at',
          'last_check_in_at',
          'state',
          'check_ins_deleted_before',
        );
      if (isPostgres(tx)) query.forUpdate();
      for (const r of await query) {
        rows.set(r.id, {
          ...r,
          first_seen_at: Number(r.first_seen_at),
          first_ready_at: toNumber(r.first_ready_at),
          last_check_in_at: Number(r.last_check_in_at),
          check_ins_deleted_before: toNumber(r.check_ins_deleted_before),
          created: false,
        });
      }
    }
  };

  await readLocked(ids);
  const missing = ids.filter(id => !rows.has(id));
  const lostRace: string[] = [];
  const created = await insertNewRows(
    tx,
    NEW_INSTANCES,
    missing.map(id => {
      const { customerId, firstAt } = newInstances.get(id)!;
      return [id, customerId, firstAt, firstAt, '{}', now];
    }),
  );
  missing.forEach((id, i) => {
    if (!created[i]) {
      lostRace.push(id); // created by a concurrent batch meanwhile
      return;
    }
    const { customerId, firstAt } = newInstances.get(id)!;
    rows.set(id, {
      id,
      customer_id: customerId,
      first_seen_at: firstAt,
      first_ready_at: null,
      last_check_in_at: firstAt,
      state: '{}',
      check_ins_deleted_before: null,
      created: true,
    });
  });
  await readLocked(lostRace);
  return rows;
}
