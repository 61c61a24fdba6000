import { Knex } from 'knex';
import { chunk, ROWS_PER_INSERT } from './chunk';
import { copyRows } from './copyRows';
import { isBetterSqlite, isPostgres } from './databaseEngine';

/**
 * A table that check-in ingest writes many rows of per batch: its columns in
 * the order a row's values are given, their PostgreSQL types (for the array
 * parameters) and its primary key.
 */
export interface BulkTable {
  name: string;
  columns: readonly string[];
  pgTypes: readonly string[];
  key: readonly string[];
}

/** A row's values, in the order of its table's columns. */
export type BulkRow = readonly unknown[];

/** What to do with a row whose key is already stored. */
type OnConflict = { ignore: true } | { update: readonly string[] } | undefined;

/** Inserts rows; a key already stored is an error. */
export async function insertRows(
  tx: Knex.Transaction,
  table: BulkTable,
  rows: readonly BulkRow[],
): Promise<void> {
  await writeRows(tx, table, rows, undefined);
}

/**
 * Inserts rows, skipping those whose key is already stored, and says for
 * each row whether it was inserted. The database decides, so racing writers
 * of the same row insert it once.
 */
export async function insertNewRows(
  tx: Knex.Transaction,
  table: BulkTable,
  rows: readonly BulkRow[],
): Promise<boolean[]> {
  return writeRows(tx, table, rows, { ignore: true });
}

/** Inserts rows, rewriting the `update` columns of keys already stored. */
export async function upsertRows(
  tx: Knex.Transaction,
  table: BulkTable,
  rows: readonly BulkRow[],
  update: readonly string[],
): Promise<void> {
  await writeRows(tx, table, rows, { update });
}

/** Rows to upsert into a table, rewriting the `update` columns of stored keys. */
export interface Upsert {
  table: BulkTable;
  rows: readonly BulkRow[];
  update: readonly string[];
}

/**
 * Upserts into several tables, as upsertRows one after the other would. On
 * PostgreSQL in one statement (each upsert but the last in a WITH): every
 * statement costs the backend a socket write and the server a wakeup,
 * about as much as a batch's rows. The tables must not depend on each
 * other (no foreign keys or triggers between them): the upserts of one
 * statement do not see each other's rows.
 */
export async function upsertRowsTogether(
  tx: Knex.Transaction,
  upserts: readonly Upsert[],
): Promise<void> {
  const some = upserts.filter(u => u.rows.length > 0);
  if (!isPostgres(tx) || some.length < 2) {
    for (const u of some) await upsertRows(tx, u.table, u.rows, u.update);
    return;
  }
  const texts = some.map(u => postgresText(u.table, { update: u.update }));
  const last = texts.pop();
  await tx.raw(
    `with ${texts.map((text, i) => `w${i} as (${text})`).join(', ')} ${last}`,
    some.flatMap(u => postgresColumns(u.table, u.rows)),
  );
}

/**
 * Knex builds a multi-row insert anew for every batch (thousands of
 * bindings, and on PostgreSQL as many parameters to send and parse), which
 * was a large part of the ingest's CPU time. Instead, the SQL text depends
 * only on the table and conflict handling: on SQLite one compiled
 * single-row statement run per row inside the transaction (no round trips,
 * nothing to parse again); on PostgreSQL one statement per batch taking
 * each column's values as one JSON array parameter. It is not a named
 * prepared statement: that would be session state, which PgBouncer's
 * transaction pooling does not keep (docs/operations.md). Plain inserts
 * on PostgreSQL, most of all check-ins, are a binary COPY (copyRows).
 * Other engines get Knex's multi-row inserts.
 */
async function writeRows(
  tx: Knex.Transaction,
  table: BulkTable,
  rows: readonly BulkRow[],
  onConflict: OnConflict,
): Promise<boolean[]> {
  if (rows.length === 0) return [];
  // Both fast paths below use the transaction's connection directly, past
  // Knex's own check: after commit or rollback that connection is back in
  // the pool, and a write there would land outside this transaction.
  if (tx.isCompleted()) {
    throw new Error(`Transaction already complete: not writing ${table.name}`);
  }
  if (isBetterSqlite(tx)) {
    const connection = (await tx.client.acquireConnection()) as SqliteDb;
    // Reused per connection when sqliteStatementCache is installed.
    const statement = connection.prepare(sqliteText(table, onConflict));
    const booleans = table.pgTypes.some(t => t === 'boolean');
    return rows.map(
      row => statement.run(booleans ? row.map(sqliteValue) : row).changes > 0,
    );
  }
  if (isPostgres(tx)) {
    if (!onConflict && (await copyRows(tx, table, rows))) {
      return rows.map(() => true);
    }
    const { rows: returned } = await tx.raw(
      postgresText(table, onConflict),
      postgresColumns(table, rows),
    );
    return insertedFlags(table, rows, returned);
  }
  const inserted: boolean[] = [];
  for (const part of chunk(rows, ROWS_PER_INSERT)) {
    const query = tx(table.name).insert(
      part.map(row =>
        Object.fromEntries(table.columns.map((c, i) => [c, row[i]])),
      ),
    );
    if (onConflict && 'update' in onConflict) {
      await query.onConflict([...table.key]).merge([...onConflict.update]);
      inserted.push(...part.map(() => true));
    } else if (onConflict) {
      const returned = await query
        .onConflict([...table.key])
        .ignore()
        .returning([...table.key]);
      inserted.push(...insertedFlags(table, part, returned));
    } else {
      await query;
      inserted.push(...part.map(() => true));
    }
  }
  return inserted;
}

interface SqliteDb {
  prepare(sql: string): {
    run(params: readonly unknown[]): { changes: number };
  };
}

/** Each column's values as one JSON array, the parameters of postgresText. */
function postgresColumns(table: BulkTable, rows: readonly BulkRow[]) {
  return table.columns.map((_, i) =>
    JSON.stringify(rows.map(row => wellFormed(row[i]))),
  );
}

/**
 * A lone UTF-16 surrogate in a string: encoding it as UTF-8 (how a plain
 * parameter is sent) stores U+FFFD, but PostgreSQL rejects it escaped in
 * JSON, so it is replaced here to store what a plain parameter stores.
 */
function wellFormed(value: unknown) {
  if (typeof value !== 'string') return value;
  const text = value as string & WellFormedString;
  return text.isWellFormed() ? value : text.toWellFormed();
}

/** ES2024 string methods, in Node since 20 (the lib here is ES2023). */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/** better-sqlite3 binds numbers, strings and null, not booleans. */
function sqliteValue(value: unknown) {
  return typeof value === 'boolean' ? Number(value) : value;
}

const quote = (name: string) => `"${name}"`;
const list = (names: readonly string[]) => names.map(quote).join(', ');

function conflictClause(table: BulkTable, onConflict: OnConflict) {
  if (!onConflict) return '';
  const target = `on conflict (${list(table.key)})`;
  if ('ignore' in onConflict) return ` ${target} do nothing`;
  const sets = onConflict.update.map(c => `${quote(c)} = excluded.${quote(c)}`);
  return ` ${target} do update set ${sets.join(', ')}`;
}

function sqliteText(table: BulkTable, onConflict: OnConflict) {
  const values = table.columns.map(() => '?').join(', ');
  return `insert into ${quote(table.name)} (${list(
    table.columns,
  )}) values (${values})${conflictClause(table, onConflict)}`;
}

/**
 * Each column's values arrive as one JSON array: node-postgres escapes a
 * text array element by element in JavaScript (a tenth of the backend's
 * time in a profile of the ingest), JSON.stringify does it natively.
 */
function postgresText(table: BulkTable, onConflict: OnConflict) {
  const names = table.columns.map((_, i) => `c${i}`);
  const values = table.pgTypes.map((t, i) =>
    t === 'text' ? names[i] : `${names[i]}::${t}`,
  );
  const elements = table.columns.map(() => 'json_array_elements_text(?::json)');
  const returning =
    onConflict && 'ignore' in onConflict ? ` returning ${list(table.key)}` : '';
  return `insert into ${quote(table.name)} (${list(
    table.columns,
  )}) select ${values.join(', ')} from rows from (${elements.join(
    ', ',
  )}) as r(${names.join(', ')})${conflictClause(
    table,
    onConflict,
  )}${returning}`;
}

/**
 * Which rows came back from `returning` the key: those really inserted. A
 * key given twice was inserted once, by its first row (as on SQLite).
 */
function insertedFlags(
  table: BulkTable,
  rows: readonly BulkRow[],
  returned: Record<string, unknown>[],
): boolean[] {
  const keyIndexes = table.key.map(k => table.columns.indexOf(k));
  const keys = new Set(
    returned.map(r => table.key.map(k => String(r[k])).join('\u0000')),
  );
  return rows.map(row =>
    keys.delete(keyIndexes.map(i => String(row[i])).join('\u0000')),
  );
}
