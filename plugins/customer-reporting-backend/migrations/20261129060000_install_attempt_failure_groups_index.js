/*
 * A covering index for the install audit's failure groups on SQLite
 * (DatabaseInstallAuditStore.failureGroups). SQLite has no hash
 * aggregation: it groups the failed and stalled attempts by sorting them
 * into a temporary B-tree and counts each group's distinct customers in
 * another. Without this index it also reads every wide row (steps JSON,
 * e-mails) for `reason`, which install_attempts_audit leaves out.
 *
 * This index holds every column the failure groups read, `reason` last.
 * After the install type (the page's filter: SQLite searches it instead of
 * seeking every helm or linux row in the table, 200 -> 45 ms of CPU), it
 * leads with the columns the groups are made of (reason key, failed and
 * furthest step) and then the customer: the scan hands over the rows
 * nearly in group order, each group's customers ascending, which the sort
 * and the distinct count take far less time over. 200,000 attempts
 * (bench/fleet.mjs at L): ~150 -> ~70 ms of CPU, the same answers.
 *
 * SQLite only. `reason` can be 2,000 characters, beyond PostgreSQL's
 * B-tree row limit, and PostgreSQL sorts the groups after a parallel scan
 * of the table whatever the indexes: there the index would only cost
 * writes.
 */

// @ts-check

const NAME = 'install_attempts_failures';

/** @param {import('knex').Knex} knex */
const isSqlite = knex =>
  ['better-sqlite3', 'sqlite3'].includes(knex.client.config.client);

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  if (!isSqlite(knex)) return;
  await knex.schema.alterTable('install_attempts', t => {
    t.index(
      [
        'install_type',
        'reason_key',
        'failed_step',
        'furthest_step',
        'customer_id',
        'started_at',
        'completed_at',
        'failed_at',
        'discarded_at',
        'last_event_at',
        'reason',
      ],
      NAME,
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!isSqlite(knex)) return;
  await knex.schema.alterTable('install_attempts', t => {
    t.dropIndex([], NAME);
  });
};
