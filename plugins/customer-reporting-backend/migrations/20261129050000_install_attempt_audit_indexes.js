/*
 * Covering indexes for the fleet install audit (summary, funnel, failure
 * groups, trend). The aggregations read a dozen narrow columns of every
 * attempt in range; from these indexes a database reads only those instead
 * of the wide rows (steps JSON, reasons, e-mails): on SQLite a scan of
 * 200,000 attempts goes from ~60 to ~25 ms (docs/benchmarks.md).
 *
 * - install_attempts_audit leads with started_at, so it also serves the
 *   from/to range and replaces the plain started_at index.
 * - install_attempts_funnel leads with the funnel's grouping columns, so
 *   the funnel's GROUP BY reads attempts already in group order (SQLite
 *   has no hash aggregation: without it the grouping sorts every attempt).
 *
 * `reason` stays out: it can be 2,000 characters, beyond PostgreSQL's
 * B-tree row limit.
 */

// @ts-check

const STATUS_COLUMNS = [
  'started_at',
  'completed_at',
  'failed_at',
  'discarded_at',
  'last_event_at',
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.index(
      [
        ...STATUS_COLUMNS,
        'install_type',
        'furthest_step_index',
        'furthest_step',
        'failed_step',
        'reason_key',
        'customer_id',
      ],
      'install_attempts_audit',
    );
    t.index(
      ['install_type', 'furthest_step_index', ...STATUS_COLUMNS],
      'install_attempts_funnel',
    );
    t.dropIndex(['started_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.index(['started_at']);
    t.dropIndex([], 'install_attempts_funnel');
    t.dropIndex([], 'install_attempts_audit');
  });
};
