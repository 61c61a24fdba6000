/*
 * The install audit's covering indexes get the attempt id, last. With
 * `asOf` in the past, the stalled rule of an attempt whose last event came
 * after `asOf` counts from its latest event up to `asOf`, which a
 * subquery reads from install_attempt_events by the attempt's id
 * (installAttemptQuery.ts). Without the id in these indexes SQLite would
 * read every attempt's row for it, also when `asOf` is now and the
 * subquery never runs.
 */

// @ts-check

const STATUS_COLUMNS = [
  'started_at',
  'completed_at',
  'failed_at',
  'discarded_at',
  'last_event_at',
];

/** The indexes as 20261129050000 and 20261129060000 made them. */
const INDEXES = [
  {
    name: 'install_attempts_audit',
    columns: [
      ...STATUS_COLUMNS,
      'install_type',
      'furthest_step_index',
      'furthest_step',
      'failed_step',
      'reason_key',
      'customer_id',
    ],
    sqliteOnly: false,
  },
  {
    name: 'install_attempts_funnel',
    columns: ['install_type', 'furthest_step_index', ...STATUS_COLUMNS],
    sqliteOnly: false,
  },
  {
    name: 'install_attempts_failures',
    columns: [
      'install_type',
      'reason_key',
      'failed_step',
      'furthest_step',
      'customer_id',
      ...STATUS_COLUMNS,
      'reason',
    ],
    sqliteOnly: true,
  },
];

/** @param {import('knex').Knex} knex */
const isSqlite = knex =>
  ['better-sqlite3', 'sqlite3'].includes(knex.client.config.client);

/**
 * @param {import('knex').Knex} knex
 * @param {(columns: string[]) => string[]} columnsOf
 */
async function rebuild(knex, columnsOf) {
  for (const { name, columns, sqliteOnly } of INDEXES) {
    if (sqliteOnly && !isSqlite(knex)) continue;
    await knex.schema.alterTable('install_attempts', t => {
      t.dropIndex([], name);
    });
    await knex.schema.alterTable('install_attempts', t => {
      t.index(columnsOf(columns), name);
    });
  }
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await rebuild(knex, columns => [...columns, 'id']);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await rebuild(knex, columns => columns);
};
