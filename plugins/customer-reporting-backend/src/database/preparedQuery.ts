import { Knex } from 'knex';
import { isBetterSqlite, isPostgres } from './databaseEngine';
import {
  NamedStatement,
  queryNamed,
  statementName,
} from './postgresNamedStatements';
import { querySqlitePrepared } from './sqlitePreparedStatements';

/** Marks a parameter among a query's bindings; no real value starts so. */
const PARAM = '\u0000customer-reporting-param:';

/** Where each binding of the compiled text comes from. */
type Slot<P> = { param: keyof P } | { value: unknown };

interface Compiled<P> {
  /** With `?` placeholders, for Knex's `raw`. */
  sql: string;
  /** With PostgreSQL's `$1` placeholders. */
  named: NamedStatement;
  slots: Slot<P>[];
}

/** Stands for the parameter `name` where `build` would put its value. */
export type Param<P> = <K extends keyof P>(name: K) => P[K];

/**
 * A read whose SQL text Knex compiles once per database client, sent with
 * each call's parameters. Knex builds and compiles a query anew on every
 * call: for the customer report's statements that was about 0.4 ms of CPU
 * per report, more than SQLite took to run them. `build` gets `param(name)`
 * for each value that changes from call to call; the query's shape (tables,
 * columns, conditions, limits) must not depend on those values, and a
 * parameter can only stand where Knex binds a value as it is (not in
 * `limit`, which Knex checks is a number). The database then parses and
 * plans the text once per connection: on PostgreSQL it goes to the server as
 * a named statement (postgresNamedStatements.ts), on better-sqlite3 the
 * connection keeps the statement it prepared (sqlitePreparedStatements.ts).
 * Clients other than these two build the query with the values on every
 * call.
 */
export function preparedQuery<P extends { [K in keyof P]: string | number }>(
  build: (db: Knex, param: Param<P>) => Knex.QueryBuilder,
): (db: Knex, params: P) => Promise<any[]> {
  const compiled = new WeakMap<Knex, Compiled<P>>();
  const marked = ((name: keyof P) => `${PARAM}${String(name)}`) as Param<P>;
  return async (db, params) => {
    const postgres = isPostgres(db);
    if (!postgres && !isBetterSqlite(db)) {
      return build(db, name => params[name]);
    }
    let query = compiled.get(db);
    if (!query) {
      query = compile(build(db, marked));
      compiled.set(db, query);
    }
    const values = query.slots.map(slot =>
      'param' in slot ? params[slot.param] : slot.value,
    ) as Knex.RawBinding[];
    const rows = postgres
      ? await queryNamed(db, query.named, values)
      : await querySqlitePrepared(db, query.sql, values);
    if (rows) return rows;
    const result = await db.raw(query.sql, values);
    // A raw select answers with node-postgres' result on PostgreSQL, with
    // the rows on better-sqlite3.
    return postgres ? result.rows : result;
  };
}

function compile<P>(query: Knex.QueryBuilder): Compiled<P> {
  const compiled = query.toSQL();
  const { sql, bindings } = compiled;
  const text = compiled.toNative().sql;
  return {
    sql,
    named: { name: statementName(text), text },
    slots: bindings.map(binding =>
      typeof binding === 'string' && binding.startsWith(PARAM)
        ? { param: binding.slice(PARAM.length) as keyof P }
        : { value: binding },
    ),
  };
}
