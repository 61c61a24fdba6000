/*
 * Per instance, the time before which the retention task deleted its raw
 * check-ins (scheduleRetention.ts). A late check-in from before that time
 * is refused: replaying the instance's change events from it needs the
 * check-ins after it, and some are gone. Until now every check-in older
 * than the retention age was refused, also for instances that never lost
 * one, so history older than 400 days could not be loaded at all.
 *
 * Existing rows: an instance whose oldest stored check-in is later than
 * its first seen time has lost the ones before it; one with none stored
 * has lost them all.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('instances', t => {
    t.bigInteger('check_ins_deleted_before').nullable();
  });
  const oldestStored = knex('check_ins as c')
    .whereRaw('c.instance_id = instances.id')
    .min('c.at');
  await knex('instances')
    .update({
      check_ins_deleted_before: knex.raw(
        'coalesce((?), last_check_in_at + 1)',
        [oldestStored],
      ),
    })
    .whereRaw('first_seen_at < coalesce((?), last_check_in_at + 1)', [
      oldestStored,
    ]);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('instances', t => {
    t.dropColumn('check_ins_deleted_before');
  });
};
