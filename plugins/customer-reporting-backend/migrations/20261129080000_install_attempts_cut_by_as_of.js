/*
 * With `asOf` in the past, the stalled rule of an attempt whose last event
 * came after `asOf` counts from its latest event up to `asOf`, which the
 * attempt queries then join (installAttemptQuery.ts, cutAttempts). Whether
 * any attempt has an event after `asOf`, and which, is read from this
 * index: one probe of an empty range when `asOf` is now.
 */

// @ts-check

const NAME = 'install_attempts_last_event';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.index(['last_event_at'], NAME);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    t.dropIndex([], NAME);
  });
};
