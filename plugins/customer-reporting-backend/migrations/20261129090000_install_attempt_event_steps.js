/*
 * The step each install attempt event reports: `started` and `completed`
 * for those events, the named step of a `step` event, none for the others
 * (metrics/installAttemptSummary.ts, stepOf). With `asOf` in the past, the
 * funnel and failure groups place an attempt at the furthest step it had
 * reached by then, which is the furthest step of its events up to `asOf`
 * (installAttemptQuery.ts, cutAttempts).
 *
 * Existing rows take it from the event as sent, kept in `payload`.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
function namedStepSql(knex) {
  const client = String(knex.client.config.client);
  if (client === 'pg') return `payload::json->>'step'`;
  if (client.includes('mysql'))
    return `json_unquote(json_extract(payload, '$.step'))`;
  return `json_extract(payload, '$.step')`;
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('install_attempt_events', t => {
    t.string('step', 50).nullable();
  });
  await knex('install_attempt_events').update({
    step: knex.raw(
      `case type when 'started' then 'started' when 'completed' then 'completed' when 'step' then ${namedStepSql(
        knex,
      )} end`,
    ),
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('install_attempt_events', t => {
    t.dropColumn('step');
  });
};
