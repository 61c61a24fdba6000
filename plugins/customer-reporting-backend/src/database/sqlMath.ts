import { Knex } from 'knex';
import { isMysql, isPostgres } from './databaseEngine';

/**
 * A server-computed integer as an SQL literal. Bound parameters would not
 * do: better-sqlite3 may bind a JS number as REAL, turning integer division
 * into float division.
 */
export function sqlInt(value: number): string {
  if (!Number.isSafeInteger(value))
    throw new Error(`Not a safe integer: ${value}`);
  return String(value);
}

/**
 * Integer division of non-negative integers as SQL: `/` truncates integers
 * on SQLite and PostgreSQL, while MySQL needs `div`.
 */
export function intDivSql(
  db: Knex,
  numerator: string,
  denominator: number,
): string {
  return `(${numerator}) ${isMysql(db) ? 'div' : '/'} ${sqlInt(denominator)}`;
}

/** A percentile as a fraction num/den, so positions stay integer arithmetic in SQL. */
export interface Percentile {
  num: number;
  den: number;
}
export const P50: Percentile = { num: 1, den: 2 };
export const P90: Percentile = { num: 9, den: 10 };

/**
 * SQL for the exact continuous percentile (PostgreSQL's percentile_cont) of
 * `value` over the rows, as one aggregate of a grouped or whole-table
 * select, so other aggregates come from the same scan. SQLite has the
 * aggregate as percentile_cont(value, fraction) (the percentile extension
 * that better-sqlite3 compiles in); PostgreSQL as an ordered-set aggregate,
 * which shares one sort between the percentiles of the same value.
 */
export function percentileContSql(
  db: Knex,
  value: string,
  p: Percentile,
): string {
  const fraction = `${sqlInt(p.num)}.0 / ${sqlInt(p.den)}`;
  return isPostgres(db)
    ? `percentile_cont(${fraction}) within group (order by ${value})`
    : `percentile_cont(${value}, ${fraction})`;
}
