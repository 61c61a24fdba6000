/*
 * When each install attempt first reported each attribute the attempt
 * filters match on (install type, app version, k8s distribution, OS,
 * network mode, registry): the time of its earliest event that has it
 * (metrics/installAttemptSummary.ts, attributesKnownAt). With `asOf` in
 * the past, a filter on an attribute leaves out an attempt that reported
 * it only later (installAttemptQuery.ts, filteredAttempts).
 *
 * Existing attempts take them from their events as sent, kept in `payload`.
 */

// @ts-check

/**
 * The attributes: column, and path in an event.
 * @type {[string, string[]][]}
 */
const ATTRIBUTES = [
  ['install_type', ['installType']],
  ['app_version', ['appVersion']],
  ['k8s_distribution', ['environment', 'k8sDistribution']],
  ['os', ['environment', 'os']],
  ['network_mode', ['networkMode']],
  ['registry', ['registry']],
];

/**
 * SQL true when an event's payload has the value at `path`.
 * @param {import('knex').Knex} knex
 * @param {string[]} path
 */
function hasSql(knex, path) {
  const client = String(knex.client.config.client);
  if (client === 'pg')
    return `payload::json#>>'{${path.join(',')}}' is not null`;
  return `json_extract(payload, '$.${path.join('.')}') is not null`;
}

/**
 * SQL for the time of the attempt's earliest event that `condition` holds for.
 * @param {string} condition
 */
const earliestSql = condition =>
  `(select min(e.at) from install_attempt_events e` +
  ` where e.attempt_id = install_attempts.id and (${condition}))`;

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    for (const [column] of ATTRIBUTES)
      t.bigInteger(`${column}_known_at`).nullable();
  });
  const has = Object.fromEntries(
    ATTRIBUTES.map(([column, path]) => [column, hasSql(knex, path)]),
  );
  await knex('install_attempts').update(
    Object.fromEntries(
      ATTRIBUTES.map(([column]) => [
        `${column}_known_at`,
        knex.raw(
          column === 'registry'
            ? // An air gap attempt's registry is known once its network mode is.
              `case when network_mode = 'airgap' then ${earliestSql(
                `${has.registry} or ${has.network_mode}`,
              )} else ${earliestSql(has.registry)} end`
            : earliestSql(has[column]),
        ),
      ]),
    ),
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('install_attempts', t => {
    for (const [column] of ATTRIBUTES) t.dropColumn(`${column}_known_at`);
  });
};
