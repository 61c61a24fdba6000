/*
 * Sync status of the data sources registered through the -node extension
 * point: one row per source id, written around each scheduled sync. The
 * cursor is the source's own resume position (e.g. the date up to which
 * events were pulled); keeping it here means every replica and a restarted
 * backend resume from the same place.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('data_source_syncs', t => {
    t.string('source_id', 100).primary();
    t.bigInteger('last_started_at').nullable();
    t.bigInteger('last_succeeded_at').nullable();
    t.bigInteger('last_failed_at').nullable();
    t.text('last_error').nullable();
    // JSON object of figures from the latest successful sync.
    t.text('counts').nullable();
    t.text('cursor').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('data_source_syncs');
};
