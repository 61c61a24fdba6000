/*
 * A narrow covering index of the timestamps that decide an install
 * attempt's status and duration, led by completed_at (DatabaseInstallAuditStore,
 * summary). The summary's duration percentiles read the attempts completed
 * by asOf as a range of it instead of every attempt; the status counts
 * read these six columns of every attempt from its 11 MB (at 200,000
 * attempts) instead of the 68 MB table or the 28 MB install_attempts_audit,
 * which PostgreSQL's planner passed over for a sequential scan of the
 * table (bench/observations.md, session 22).
 */

// @ts-check

const INDEX = 'install_attempts_outcomes';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.index(
      [
        'completed_at',
        'started_event_at',
        'started_at',
        'failed_at',
        'discarded_at',
        'last_event_at',
      ],
      INDEX,
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.dropIndex([], INDEX);
  });
};
