import { Knex } from 'knex';
import { chunk, ROWS_PER_INSERT } from './chunk';
import { isPostgres } from './insertIgnoringDuplicates';

/** The columns of an instance row that check-in ingest reads and rewrites. */
export interface InstanceRow {
  id: string;
  customer_id: string;
  first_seen_at: number;
  first_ready_at: number | null;
  last_check_in_at: number;
  state: string;
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
      const query = tx('instances')
        .whereIn('id', part)
        .orderBy('id')
        .select(
          'id',
          'customer_id',
          'first_seen_at',
          'first_ready_at',
          'last_check_in_at',
          'state',
        );
      if (isPostgres(tx)) query.forUpdate();
      for (const r of await query) {
        rows.set(r.id, {
          ...r,
          first_seen_at: Number(r.first_seen_at),
          first_ready_at:
            r.first_ready_at === null ? null : Number(r.first_ready_at),
          last_check_in_at: Number(r.last_check_in_at),
          created: false,
        });
      }
    }
  };

  await readLocked(ids);
  const missing = ids.filter(id => !rows.has(id));
  const lostRace: string[] = [];
  for (const part of chunk(missing, ROWS_PER_INSERT)) {
    const rowsToCreate = part.map(id => {
      const { customerId, firstAt } = newInstances.get(id)!;
      return {
        id,
        customer_id: customerId,
        first_seen_at: firstAt,
        last_check_in_at: firstAt,
        state: '{}',
        updated_at: now,
      };
    });
    const inserted = new Set(
      (
        await tx('instances')
          .insert(rowsToCreate)
          .onConflict('id')
          .ignore()
          .returning('id')
      ).map(r => r.id),
    );
    for (const row of rowsToCreate) {
      if (!inserted.has(row.id)) {
        lostRace.push(row.id); // created by a concurrent batch meanwhile
        continue;
      }
      rows.set(row.id, {
        id: row.id,
        customer_id: row.customer_id,
        first_seen_at: row.first_seen_at,
        first_ready_at: null,
        last_check_in_at: row.last_check_in_at,
        state: row.state,
        created: true,
      });
    }
  }
  await readLocked(lostRace);
  return rows;
}
