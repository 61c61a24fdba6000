import { Knex } from 'knex';

/** What better-sqlite3 offers for a statement and a connection. */
interface Statement {
  all(values: unknown[]): any[];
}
interface Connection {
  prepare(sql: string): Statement;
}

/**
 * The statements each connection has prepared, by text. Only the texts of
 * `preparedQuery` reads get here, a fixed set, so a map never grows past
 * it; a connection the pool drops takes its statements with it.
 */
const preparedOn = new WeakMap<Connection, Map<string, Statement>>();

/**
 * A binding as better-sqlite3 takes it: it refuses booleans and dates,
 * which Knex turns into numbers on its own path.
 */
function driverValue(value: unknown): unknown {
  if (typeof value === 'boolean') return Number(value);
  if (value instanceof Date) return value.valueOf();
  return value;
}

/**
 * Runs a read as a statement that better-sqlite3 prepares once per
 * connection instead of on every call, which Knex does. SQLite parses and
 * plans the text once; after a schema change it prepares the statement
 * again by itself: the counterpart of PostgreSQL's named statements. For
 * the customer report's six statements (S, probe-50) this took its reads
 * and assembly from 1.6-2.2 to 1.2-1.3 ms p50 in one process, and the whole
 * request from 5.0 to 4.75 ms p50 on a machine then slow (1,800 requests,
 * interleaved with the old path).
 *
 * Returns undefined when the read should go through Knex instead: inside
 * a transaction, whose connection Knex holds (the pool has one connection,
 * so asking it for another would wait for the transaction's end). Knex's
 * query events and its error wrapping are not applied on this path; the
 * driver's errors keep their `code` (`SQLITE_BUSY`), which is what the
 * routes look at.
 */
export async function querySqlitePrepared(
  db: Knex | Knex.Transaction,
  sql: string,
  values: readonly unknown[],
): Promise<any[] | undefined> {
  if (db.isTransaction) return undefined;
  const connection = (await db.client.acquireConnection()) as Connection;
  try {
    let statements = preparedOn.get(connection);
    if (!statements) {
      statements = new Map();
      preparedOn.set(connection, statements);
    }
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement.all(values.map(driverValue));
  } finally {
    await db.client.releaseConnection(connection);
  }
}
