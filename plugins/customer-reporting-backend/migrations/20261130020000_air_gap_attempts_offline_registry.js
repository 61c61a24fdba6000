/*
 * Air gap implies an offline registry (domain §1). An install attempt's
 * registry was taken from the first event that named one, so an air gap
 * attempt whose events named none, or a later event that said `online`,
 * was stored without `offline` and missed by the `registry=offline`
 * filter. The summary now says `offline` for every air gap attempt; this
 * brings the attempts already stored in line.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex('install_attempts')
    .where({ network_mode: 'airgap' })
    .andWhere(q => q.whereNull('registry').orWhereNot('registry', 'offline'))
    .update({ registry: 'offline' });
};

exports.down = async function down() {
  // Nothing to undo: `offline` is what these attempts' registry was.
};
