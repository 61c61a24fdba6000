/*
 * Initial schema of the customer-reporting backend.
 *
 * All times are epoch milliseconds (bigint): the same comparisons, arithmetic
 * and bucketing work in SQL on SQLite, PostgreSQL and MySQL alike.
 * Derived tables (instances, instance_events, instance_spans, install_attempts)
 * are maintained at ingest so that reports read a bounded number of rows.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('apps', t => {
    t.string('slug', 100).primary();
    t.string('name', 255).notNullable();
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('channels', t => {
    t.string('app_slug', 100).notNullable();
    t.string('slug', 100).notNullable();
    t.string('name', 255).notNullable();
    t.primary(['app_slug', 'slug']);
  });

  await knex.schema.createTable('releases', t => {
    t.string('app_slug', 100).notNullable();
    t.string('channel_slug', 100).notNullable();
    t.integer('sequence').notNullable();
    t.string('version_label', 100).notNullable();
    t.bigInteger('promoted_at').notNullable();
    t.primary(['app_slug', 'channel_slug', 'sequence']);
  });

  await knex.schema.createTable('customers', t => {
    t.string('id', 100).primary();
    t.string('name', 255).notNullable();
    t.string('email', 320).nullable();
    t.string('custom_id', 255).nullable();
    t.string('app_slug', 100).notNullable().index();
    t.string('channel_slug', 100).notNullable();
    t.string('license_type', 20).notNullable();
    t.string('license_id', 255).notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').nullable();
    t.boolean('archived').notNullable().defaultTo(false);
    t.boolean('enterprise_portal_enabled').notNullable().defaultTo(false);
    t.text('features').notNullable();
    t.text('custom_fields').notNullable();
    // Entity ref of the owning group; null means the configured default owner.
    t.string('owner', 255).nullable();
    // Unguessable part of the customer's Download Portal URL.
    t.string('portal_slug', 64).notNullable();
    // Salted scrypt hash (never the password), and who set it when.
    t.string('portal_password_hash', 255).nullable();
    t.bigInteger('portal_password_set_at').nullable();
    t.string('portal_password_set_by', 255).nullable();
    t.bigInteger('updated_at').notNullable();
    t.index(['name']);
  });

  await knex.schema.createTable('instances', t => {
    t.string('id', 100).primary();
    t.string('customer_id', 100).notNullable().index();
    t.string('cluster_id', 255).nullable();
    t.boolean('airgap').notNullable().defaultTo(false);
    t.boolean('archived').notNullable().defaultTo(false);
    t.bigInteger('first_seen_at').notNullable();
    t.bigInteger('first_ready_at').nullable();
    t.bigInteger('last_check_in_at').notNullable();
    // Current status as a rank (0 missing … 4 ready) so SQL can pick the best.
    t.integer('status_rank').nullable();
    t.string('app_version', 100).nullable();
    // Latest known value of every reported field, as JSON: {field: value}.
    t.text('state').notNullable();
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('check_ins', t => {
    t.string('instance_id', 100).notNullable();
    t.bigInteger('at').notNullable();
    t.string('app_status', 20).nullable();
    // The reported fields of this check-in, as JSON: {field: value}.
    t.text('payload').notNullable();
    t.bigInteger('received_at').notNullable();
    t.primary(['instance_id', 'at']);
  });

  // One row per field whose value changed, including the first value seen.
  await knex.schema.createTable('instance_events', t => {
    t.string('instance_id', 100).notNullable();
    t.string('field', 150).notNullable();
    t.bigInteger('at').notNullable();
    t.text('value').nullable();
    t.text('previous_value').nullable();
    t.primary(['instance_id', 'field', 'at']);
    t.index(['instance_id', 'at']);
  });

  // Maximal runs of check-ins at most 24 h apart: an instance is observed
  // from a span's start until 24 h after its last check-in.
  await knex.schema.createTable('instance_spans', t => {
    t.string('instance_id', 100).notNullable();
    t.bigInteger('start_at').notNullable();
    t.bigInteger('last_at').notNullable();
    t.primary(['instance_id', 'start_at']);
  });

  await knex.schema.createTable('install_attempt_events', t => {
    // Hash of the whole event: replays of an identical event are duplicates.
    t.string('id', 64).primary();
    t.string('attempt_id', 100).notNullable().index();
    t.string('customer_id', 100).notNullable();
    t.string('type', 20).notNullable();
    t.bigInteger('at').notNullable();
    t.text('payload').notNullable();
  });

  await knex.schema.createTable('install_attempts', t => {
    t.string('id', 100).primary();
    t.string('customer_id', 100).notNullable().index();
    t.string('user_email', 320).nullable();
    t.string('install_type', 10).nullable();
    t.string('app_version', 100).nullable();
    t.string('k8s_distribution', 100).nullable();
    t.string('os', 100).nullable();
    t.string('os_version', 100).nullable();
    t.string('network_mode', 10).nullable();
    t.string('registry', 10).nullable();
    t.string('instance_id', 100).nullable();
    t.bigInteger('started_at').notNullable().index();
    t.bigInteger('completed_at').nullable();
    t.bigInteger('failed_at').nullable();
    t.string('failed_step', 50).nullable();
    t.text('reason').nullable();
    // The reason with ids, numbers and quoted values masked, for grouping.
    t.string('reason_key', 255).nullable();
    t.bigInteger('discarded_at').nullable();
    t.bigInteger('last_event_at').notNullable();
    t.string('furthest_step', 50).nullable();
    t.integer('furthest_step_index').notNullable().defaultTo(0);
    // [{step, at}] in time order.
    t.text('steps').notNullable();
  });

  // Who did what to which customer: downloads, password changes, invitations, exports.
  await knex.schema.createTable('audit_events', t => {
    t.bigIncrements('id').primary();
    t.string('customer_id', 100).nullable();
    t.bigInteger('at').notNullable();
    t.string('actor', 255).notNullable();
    t.string('action', 50).notNullable();
    t.text('details').notNullable();
    t.index(['customer_id', 'at']);
    t.index(['at']);
  });

  await knex.schema.createTable('portal_events', t => {
    t.string('id', 64).primary();
    t.string('customer_id', 100).notNullable();
    t.string('type', 40).notNullable();
    t.bigInteger('at').notNullable();
    t.string('email', 320).nullable();
    t.string('version', 100).nullable();
    t.index(['customer_id', 'type']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'portal_events',
    'audit_events',
    'install_attempts',
    'install_attempt_events',
    'instance_spans',
    'instance_events',
    'check_ins',
    'instances',
    'customers',
    'releases',
    'channels',
    'apps',
  ]) {
    await knex.schema.dropTable(table);
  }
};
