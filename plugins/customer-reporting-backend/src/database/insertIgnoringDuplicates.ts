import { Knex } from 'knex';

/**
 * Rows per multi-row insert. Knex writes a multi-row insert on SQLite as a
 * compound SELECT, which SQLite limits to 500 terms; 400 rows also keep every
 * statement of ours far below the engines' bound-parameter limits.
 */
export const ROWS_PER_INSERT = 400;

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
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
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
