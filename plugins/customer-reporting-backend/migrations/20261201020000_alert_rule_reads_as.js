/*
 * Which customers a rule that names its recipients may tell them about:
 * those its last editor may read (docs/alerts.md, "Who is told about
 * which customer"). The caller's customer filter when the rule was saved,
 * as JSON: "all", "none" or the permission criteria of a conditional
 * decision. Rules saved before have none and stay unbounded until saved
 * again: who saved them, and what that caller could read, is not known.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('alert_rules', t => {
    t.text('reads_as').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('alert_rules', t => {
    t.dropColumn('reads_as');
  });
};
