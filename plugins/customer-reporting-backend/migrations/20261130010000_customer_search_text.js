/*
 * The text the customer list's search matches: the customer's name, id,
 * email and custom id, lowercased by JavaScript (database/customerSearch.ts).
 * SQL's lower() folds only ASCII letters on SQLite, and on PostgreSQL
 * depends on the database's locale, so "École" was not found by "école".
 *
 * Existing rows are filled in here with the same rule. It is written out
 * rather than imported: a migration must keep doing what it did when the
 * code it came with changes.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('customers', t => {
    t.text('search_text').nullable();
  });
  const fold = (/** @type {string | null} */ s) =>
    (s ?? '').normalize('NFC').toLowerCase();
  const rows = await knex('customers').select(
    'id',
    'name',
    'email',
    'custom_id',
  );
  for (const r of rows) {
    await knex('customers')
      .where({ id: r.id })
      .update({
        search_text: [r.name, r.id, r.email, r.custom_id].map(fold).join('\n'),
      });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('customers', t => {
    t.dropColumn('search_text');
  });
};
