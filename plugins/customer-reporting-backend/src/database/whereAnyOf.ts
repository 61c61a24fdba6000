import { Knex } from 'knex';
import { isBetterSqlite, isPostgres } from './databaseEngine';

/**
 * `column` is one of `values`, passed as ONE parameter, so that the SQL text
 * does not change with the number of values: SQLite then reuses its
 * compiled statement (sqliteStatementCache) for every batch, and
 * PostgreSQL parses one array instead of a parameter per value. Other
 * engines get Knex's `where in`, which callers bound by chunking.
 */
export function whereAnyOf(
  tx: Knex.Transaction,
  query: Knex.QueryBuilder,
  column: string,
  values: readonly string[],
): Knex.QueryBuilder {
  if (isPostgres(tx)) {
    return query.whereRaw('?? = any(?::text[])', [column, [...values]]);
  }
  if (isBetterSqlite(tx)) {
    return query.whereRaw('?? in (select value from json_each(?))', [
      column,
      JSON.stringify(values),
    ]);
  }
  return query.whereIn(column, [...values]);
}
