import { Knex } from 'knex';

const CHUNK_SIZE = 200;

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
  for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
    const chunk = rows.slice(i, i + CHUNK_SIZE);
    const query = tx(table).insert(chunk).onConflict(keyColumns).ignore();
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

export function isMysql(knex: Knex | Knex.Transaction): boolean {
  return String(knex.client.config.client).includes('mysql');
}
