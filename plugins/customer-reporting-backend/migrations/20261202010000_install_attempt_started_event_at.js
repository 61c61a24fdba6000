/*
 * The time of each install attempt's `started` event (the earliest, if
 * several), null while none is known (metrics/installAttemptSummary.ts,
 * startedEventAt). An attempt's duration is completed − started (domain
 * §7): without a started event it is unknown, not timed from the earliest
 * event as `started_at` is. With `asOf` in the past, a started event after
 * asOf is not known yet (installAttemptQuery.ts, progressAsOf).
 *
 * Existing attempts take it from their stored events. The fleet summary's
 * duration percentiles read it, so it joins the covering index of the
 * audit's columns (20261129050000_install_attempt_audit_indexes.js), last
 * so the index still leads with started_at for the from/to range.
 */

// @ts-check

const AUDIT_INDEX = 'install_attempts_audit';
const AUDIT_COLUMNS = [
  'started_at',
  'completed_at',
  'failed_at',
  'discarded_at',
  'last_event_at',
  'install_type',
  'furthest_step_index',
  'furthest_step',
  'failed_step',
  'reason_key',
  'customer_id',
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.bigInteger('started_event_at').nullable();
  });
  await knex('install_attempts').update({
    started_event_at: knex.raw(
      `(select min(e.at) from install_attempt_events e` +
        ` where e.attempt_id = install_attempts.id and e.type = 'started')`,
    ),
  });
  await knex.schema.alterTable('install_attempts', t => {
    t.dropIndex([], AUDIT_INDEX);
  });
  await knex.schema.alterTable('install_attempts', t => {
    t.index([...AUDIT_COLUMNS, 'started_event_at'], AUDIT_INDEX);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.dropIndex([], AUDIT_INDEX);
  });
  await knex.schema.alterTable('install_attempts', t => {
    t.dropColumn('started_event_at');
  });
  await knex.schema.alterTable('install_attempts', t => {
    t.index(AUDIT_COLUMNS, AUDIT_INDEX);
  });
};
