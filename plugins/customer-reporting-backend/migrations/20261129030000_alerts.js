/*
 * Alert rules, their mutes, the state of every (rule, subject) the evaluator
 * has seen firing, and the delivery log (docs/alerts.md).
 *
 * alert_deliveries.delivery_key is unique: (rule@created, subject, episode, kind).
 * The evaluator inserts the row before it sends, so of two processes judging
 * the same change only the one whose insert went in sends.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('alert_rules', t => {
    t.string('id', 100).primary();
    t.string('name', 255).notNullable();
    t.string('event_type', 40).notNullable();
    t.integer('threshold').nullable();
    // {appSlugs, channelSlugs, licenseTypes, customerIds, owners} as JSON.
    t.text('filters').notNullable();
    // Entity refs as a JSON array; empty: the customer's owner.
    t.text('recipients').notNullable();
    t.boolean('enabled').notNullable().defaultTo(true);
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.string('updated_by', 255).notNullable();
  });

  // subject '' mutes the whole rule.
  await knex.schema.createTable('alert_mutes', t => {
    t.string('rule_id', 100).notNullable();
    t.string('subject', 100).notNullable();
    t.bigInteger('until').notNullable();
    t.string('created_by', 255).notNullable();
    t.primary(['rule_id', 'subject']);
  });

  // Every (rule, subject) that ever fired: whether it fires now, and its
  // episode (incremented each time it starts firing).
  await knex.schema.createTable('alert_states', t => {
    t.string('rule_id', 100).notNullable();
    t.string('subject', 100).notNullable();
    t.string('customer_id', 100).notNullable();
    t.integer('episode').notNullable();
    t.boolean('firing').notNullable();
    t.bigInteger('changed_at').notNullable();
    t.primary(['rule_id', 'subject']);
  });

  await knex.schema.createTable('alert_deliveries', t => {
    t.bigIncrements('id').primary();
    t.string('delivery_key', 300).notNullable().unique();
    t.string('rule_id', 100).notNullable();
    // As they were when sent: the log outlives changes to the rule.
    t.string('rule_name', 255).notNullable();
    t.string('event_type', 40).notNullable();
    t.string('subject', 100).notNullable();
    t.string('customer_id', 100).notNullable();
    t.string('kind', 20).notNullable();
    t.string('title', 500).notNullable();
    t.text('recipients').notNullable();
    t.bigInteger('at').notNullable();
    t.bigInteger('sent_at').notNullable();
    t.text('error').nullable();
    t.index(['sent_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'alert_deliveries',
    'alert_states',
    'alert_mutes',
    'alert_rules',
  ]) {
    await knex.schema.dropTable(table);
  }
};
