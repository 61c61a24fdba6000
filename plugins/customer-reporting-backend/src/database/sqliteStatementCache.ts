import { Knex } from 'knex';

/** Compiled statements kept per connection; the least recently used go first. */
const MAX_STATEMENTS = 200;

const CACHED = Symbol.for('customer-reporting.sqliteStatementCache');

interface Connection {
  prepare(sql: string): unknown;
  [CACHED]?: true;
}

/**
 * Keeps better-sqlite3's compiled statements for reuse. Knex compiles every
 * statement it sends anew, and compiling a 400-row insert costs more than
 * running it: in a CPU profile of the check-in ingest at M, 15 % of the
 * backend's time was better-sqlite3's `Statement` (compiling). The ingest
 * sends the same SQL text for every full chunk (same table, columns and row
 * count), so a compiled statement is reused for each batch. Reuse is safe:
 * better-sqlite3 runs a statement synchronously and Knex only calls `all` or
 * `run` on it. Wrapped where Knex hands out connections, which transactions
 * go through too. Other clients are left alone.
 */
export function cacheSqliteStatements(knex: Knex): void {
  const client = knex.client as {
    driverName?: string;
    acquireConnection(): Promise<Connection>;
    [CACHED]?: true;
  };
  if (client.driverName !== 'better-sqlite3' || client[CACHED]) return;
  client[CACHED] = true;
  const acquire = client.acquireConnection;
  client.acquireConnection = async function acquireCaching() {
    const connection = await acquire.call(this);
    if (!connection[CACHED]) cachePrepare(connection);
    return connection;
  };
}

function cachePrepare(connection: Connection) {
  const prepare = connection.prepare.bind(connection);
  const statements = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (statements.size >= MAX_STATEMENTS) {
        statements.delete(statements.keys().next().value!);
      }
    } else {
      // Map order is insertion order: re-inserting marks it most recent.
      statements.delete(sql);
    }
    statements.set(sql, statement);
    return statement;
  };
  connection[CACHED] = true;
}
