import { Knex } from 'knex';

/** Which database engine a Knex instance talks to, where the SQL differs. */

export function isMysql(knex: Knex | Knex.Transaction): boolean {
  return String(knex.client.config.client).includes('mysql');
}

export function isPostgres(knex: Knex | Knex.Transaction): boolean {
  return knex.client.config.client === 'pg';
}

/** better-sqlite3 (synchronous), not the asynchronous `sqlite3` driver. */
export function isBetterSqlite(knex: Knex | Knex.Transaction): boolean {
  return (
    (knex.client as { driverName?: string }).driverName === 'better-sqlite3'
  );
}
