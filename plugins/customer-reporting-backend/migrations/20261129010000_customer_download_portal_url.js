/*
 * The customer's own Download Portal address, when the upstream system has
 * one (Replicated's `downloadPortalUrl`). Without it the report links to
 * customerReporting.downloadPortal.baseUrl + the customer's portal slug.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('customers', t => {
    t.string('download_portal_url', 2048).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('customers', t => {
    t.dropColumn('download_portal_url');
  });
};
