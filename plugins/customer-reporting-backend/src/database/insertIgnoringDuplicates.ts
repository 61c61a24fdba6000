import { Knex } from 'knex';
import { chunk, ROWS_PER_INSERT } from './chunk';
import { isMysql } from './databaseEngine';

/**
 * Inserts rows, skipping those whose primary key already exists, and returns
 * how many were really inserted. Replays are thereby no-ops even when two
 * writers race, because the database decides, not a prior read.
 */
export async function insertIgnoringDuplicates(
  tx: Knex | Knex.Transaction,
  table: string,
  rows: Record<string, unknown>[],
  keyColumns: string[],
): Promise<number> {
  let inserted = 0;
  for (const rowsOfOne of chunk(rows, ROWS_PER_INSERT)) {
    const query = tx(table).insert(rowsOfOne).onConflict(keyColumns).ignore();
    if (isMysql(tx)) {
      const [result] = (await query) as unknown as [{ affectedRows: number }];
      inserted += result.affectedRows;
    } else {
      const returned = await query.returning(keyColumns[0]);
      inserted += returned.length;
    }
  }
  return inserted;
}
