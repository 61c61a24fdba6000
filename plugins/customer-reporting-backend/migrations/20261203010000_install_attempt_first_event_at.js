/*
 * The time of each install attempt's earliest event, whatever its type
 * (metrics/installAttemptSummary.ts, firstEventAt). An attempt exists from
 * its first event: with `asOf` before its `started` event (stamped later
 * than another of its events by a clock that disagrees, or not arrived),
 * the attempt is there, started at its earliest event as it would have
 * shown then (installAttemptQuery.ts, filteredAttempts; customerActivity.ts).
 * `started_at` keeps the `started` event's time, so it cannot say this.
 *
 * Existing attempts take it from their stored events. Indexed: a read with
 * `asOf` in the past finds the attempts that existed then by this bound.
 */

// @ts-check

const INDEX = 'install_attempts_first_event';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.bigInteger('first_event_at').nullable();
  });
  await knex('install_attempts').update({
    first_event_at: knex.raw(
      `coalesce((select min(e.at) from install_attempt_events e` +
        ` where e.attempt_id = install_attempts.id), started_at)`,
    ),
  });
  await knex.schema.alterTable('install_attempts', t => {
    t.index(['first_event_at'], INDEX);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.dropIndex([], INDEX);
  });
  await knex.schema.alterTable('install_attempts', t => {
    t.dropColumn('first_event_at');
  });
};
