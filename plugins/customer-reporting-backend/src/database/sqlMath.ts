import { Knex } from 'knex';
import { isMysql, isPostgres } from './insertIgnoringDuplicates';

/**
 * A server-computed integer as an SQL literal. Bound parameters would not
 * do: better-sqlite3 may bind a JS number as REAL, turning integer division
 * into float division.
 */
export function sqlInt(value: number): string {
  if (!Number.isSafeInteger(value))
    throw new Error(`Not a safe integer: ${value}`);
  return String(value);
}

/**
 * Integer division of non-negative integers as SQL: `/` truncates integers
 * on SQLite and PostgreSQL, while MySQL needs `div`.
 */
export function intDivSql(
  db: Knex,
  numerator: string,
  denominator: number,
): string {
  return `(${numerator}) ${isMysql(db) ? 'div' : '/'} ${sqlInt(denominator)}`;
}

/** A percentile as a fraction num/den, so positions stay integer arithmetic in SQL. */
export interface Percentile {
  num: number;
  den: number;
}
export const P50: Percentile = { num: 1, den: 2 };
export const P90: Percentile = { num: 9, den: 10 };

/**
 * Continuous percentiles (PostgreSQL's percentile_cont) of `value` per `key`
 * over `source` (a query selecting `key` and `value`). Window functions rank
 * the values in SQL and only the two rows around each percentile per group
 * leave the database, so the cost does not grow on the Node side.
 */
export async function percentilesByKey(
  db: Knex,
  source: Knex.QueryBuilder,
  percentiles: Percentile[],
): Promise<Map<string, (number | null)[]>> {
  if (isPostgres(db)) {
    // PostgreSQL has the aggregate itself: one sort per group, no windows.
    const fractions = percentiles.map(p => p.num / p.den);
    const placeholders = fractions.map(() => '?').join(',');
    const rows: { key: unknown; values: (number | string | null)[] }[] =
      await db
        .from(source.as('s'))
        .whereNotNull('value')
        .groupBy('key')
        .select(
          'key',
          db.raw(
            `percentile_cont(array[${placeholders}]::float8[]) within group (order by value) as "values"`,
            fractions,
          ),
        );
    return new Map(
      rows.map(r => [
        String(r.key),
        r.values.map(v => (v === null ? null : Number(v))),
      ]),
    );
  }
  const ranked = db
    .from(source.as('s'))
    .whereNotNull('value')
    .select(
      'key',
      'value',
      db.raw('row_number() over (partition by key order by value) - 1 as rn'),
      db.raw('count(*) over (partition by key) as n'),
    )
    .as('r');
  const conditions = percentiles.flatMap(p => [
    `rn = ${intDivSql(db, `${sqlInt(p.num)} * (n - 1)`, p.den)}`,
    `rn = ${intDivSql(
      db,
      `${sqlInt(p.num)} * (n - 1) + ${sqlInt(p.den - 1)}`,
      p.den,
    )}`,
  ]);
  const rows: { key: unknown; value: unknown; rn: unknown; n: unknown }[] =
    await db
      .from(ranked)
      .whereRaw(conditions.join(' or '))
      .select('key', 'value', 'rn', 'n');

  const byKey = new Map<string, Map<number, number>>();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = String(row.key);
    const values = byKey.get(key) ?? new Map<number, number>();
    values.set(Number(row.rn), Number(row.value));
    byKey.set(key, values);
    counts.set(key, Number(row.n));
  }
  const result = new Map<string, (number | null)[]>();
  for (const [key, values] of byKey) {
    const n = counts.get(key)!;
    result.set(
      key,
      percentiles.map(p => {
        const position = (p.num * (n - 1)) / p.den;
        const lower = values.get(Math.floor(position));
        const upper = values.get(Math.ceil(position));
        if (lower === undefined || upper === undefined) return null;
        return lower + (upper - lower) * (position - Math.floor(position));
      }),
    );
  }
  return result;
}

/**
 * Continuous percentiles of `value` over `source`, which holds `n` non-null
 * values. PostgreSQL aggregates them in one sort; elsewhere each percentile
 * reads the one or two values around its position with ORDER BY … LIMIT,
 * which SQLite answers with a bounded sorter instead of ranking every row.
 */
export async function percentilesOf(
  db: Knex,
  source: Knex.QueryBuilder,
  n: number,
  percentiles: Percentile[],
): Promise<(number | null)[]> {
  if (n === 0) return percentiles.map(() => null);
  if (isPostgres(db)) {
    const byKey = await percentilesByKey(
      db,
      source.select(db.raw(`'all' as key`)),
      percentiles,
    );
    return byKey.get('all') ?? percentiles.map(() => null);
  }
  return Promise.all(
    percentiles.map(async p => {
      const position = (p.num * (n - 1)) / p.den;
      const lower = Math.floor(position);
      const rows: { value: unknown }[] = await db
        .from(source.as('s'))
        .whereNotNull('value')
        .orderBy('value')
        .limit(Math.ceil(position) - lower + 1)
        .offset(lower)
        .select('value');
      if (rows.length === 0) return null;
      const [low, high = low] = rows.map(r => Number(r.value));
      return low + (high - low) * (position - lower);
    }),
  );
}
