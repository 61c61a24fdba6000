import { Knex } from 'knex';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';
import { P50, P90, Percentile, percentileContSql } from './sqlMath';
import { isMysql, isPostgres } from './databaseEngine';
import { fieldValueAtSql } from './fieldValueAtSql';

export type TimeToInstallGroupBy = 'app' | 'channel' | 'appVersion';

const GROUP_COLUMN: Record<TimeToInstallGroupBy, string> = {
  app: 'c.app_slug',
  channel: `c.app_slug || '/' || c.channel_slug`,
  appVersion: `coalesce(t.app_version, '(unknown)')`,
};

/**
 * SQL for the text of a JSON-encoded value (instance_events.value): a
 * string's text, a number's digits, null for JSON null.
 */
function jsonTextSql(db: Knex, column: string): string {
  if (isPostgres(db)) return `(${column}::json #>> '{}')`;
  // MySQL's json_unquote gives JSON null as the text 'null'.
  if (isMysql(db))
    return `(case when json_type(${column}) = 'NULL' then null else json_unquote(${column}) end)`;
  return `cast(json_extract(${column}, '$') as text)`;
}

/**
 * SQL for the JSON-encoded value of `field` in an instances.state object
 * (whose values are JSON texts), null when the field is absent.
 */
function stateFieldSql(db: Knex, field: string): string {
  if (isPostgres(db)) return `(state::json ->> '${field}')`;
  if (isMysql(db)) return `json_unquote(json_extract(state, '$.${field}'))`;
  return `json_extract(state, '$.${field}')`;
}

/**
 * SQL for the version an instance shows at `?` (bound twice): its version
 * label, else its release sequence (displayVersion), as of its last
 * check-in then. An instance that reported later is rewound with one
 * lookup of instance_events' key per field.
 */
function shownVersionSql(db: Knex): string {
  const at = (field: string) =>
    fieldValueAtSql('instances.id', field, '?', value =>
      jsonTextSql(db, value),
    );
  const current = jsonTextSql(db, stateFieldSql(db, 'releaseSequence'));
  return `case when last_check_in_at <= ?
      then coalesce(app_version, ${current})
      else coalesce(${at('appVersion')}, ${at('releaseSequence')})
    end`;
}

/**
 * The instance id compared as the report compares it (customerTimeToInstall,
 * in JavaScript: by code unit), not by the database's collation: under an
 * English locale PostgreSQL and MySQL put 'a1' before 'B1', and the tie on
 * the latest first ready would pick another instance than the report shows.
 */
function binaryIdSql(db: Knex): string {
  if (isPostgres(db)) return 'id collate "C"';
  if (isMysql(db)) return 'cast(id as binary)';
  return 'id';
}

/**
 * Time to install across customers. Each customer counts once, with the
 * instance the report shows (latest first ready, ties by smallest id,
 * archived instances excluded), picked in SQL with a window function.
 */
export class DatabaseTimeToInstallStatsStore {
  constructor(private readonly db: Knex) {}

  async stats(
    groupBy: TimeToInstallGroupBy,
    asOf: number,
    customerFilter: CustomerFilter = 'all',
  ) {
    const db = this.db;
    const chosen = db('instances')
      .where('archived', false)
      .whereNotNull('first_ready_at')
      .andWhere('first_ready_at', '<=', asOf)
      .select(
        'customer_id',
        'first_seen_at',
        'first_ready_at',
        db.raw(`${shownVersionSql(db)} as app_version`, [asOf, asOf, asOf]),
        db.raw(
          `row_number() over (partition by customer_id order by first_ready_at desc, ${binaryIdSql(
            db,
          )} asc) as pick`,
        ),
      )
      .as('t');
    // MySQL spells string concatenation concat(); || is OR there.
    const key =
      isMysql(db) && groupBy === 'channel'
        ? `concat(c.app_slug, '/', c.channel_slug)`
        : GROUP_COLUMN[groupBy];
    // One scan for the counts and all four percentiles: percentile_cont
    // skips nulls as the count does not, as when they were three queries.
    const percentile = (value: string, p: Percentile, as: string) =>
      db.raw(`${percentileContSql(db, value, p)} as ??`, [as]);
    const license = '(t.first_ready_at - c.created_at) / 1000.0';
    const instance = '(t.first_ready_at - t.first_seen_at) / 1000.0';
    const rows: Record<string, unknown>[] = await applyCustomerFilter(
      db
        .from(chosen)
        .join('customers as c', 'c.id', 't.customer_id')
        .where('t.pick', 1)
        .andWhere('c.created_at', '<=', asOf),
      customerFilter,
    )
      .select(
        db.raw(`${key} as key`),
        percentile(license, P50, 'license_p50'),
        percentile(license, P90, 'license_p90'),
        percentile(instance, P50, 'instance_p50'),
        percentile(instance, P90, 'instance_p90'),
      )
      .count({ customers: '*' })
      .groupByRaw(key)
      .orderBy('key');
    const round = (v: unknown) =>
      v === null || v === undefined ? null : Math.round(Number(v));
    return {
      groups: rows.map(r => ({
        key: String(r.key),
        customers: Number(r.customers),
        license: { median: round(r.license_p50), p90: round(r.license_p90) },
        instance: {
          median: round(r.instance_p50),
          p90: round(r.instance_p90),
        },
      })),
    };
  }
}
