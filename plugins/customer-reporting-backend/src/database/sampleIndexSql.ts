import { Knex } from 'knex';
import { DAY_MS } from '../metrics/adoptionRange';
import { isMysql } from './databaseEngine';

/**
 * The adoption samples as indexes, so SQL can say which samples a time
 * range covers with arithmetic instead of joining every range to every
 * sample. The samples are `from`, then one day apart while before `asOf`
 * (indexes 0 to `regular - 1`), then `asOf` itself (index `regular`).
 */
export class SampleIndexSql {
  readonly from: number;
  readonly asOf: number;
  /** How many samples come before `asOf`. */
  readonly regular: number;
  private readonly div: string;

  constructor(db: Knex, from: number, asOf: number) {
    // Inlined into the SQL as literals (an integer bound through
    // better-sqlite3 arrives as a REAL, which would divide as one).
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(asOf))
      throw new Error(`Adoption samples must be whole ms: ${from}, ${asOf}`);
    this.from = from;
    this.asOf = asOf;
    this.regular = from < asOf ? Math.ceil((asOf - from) / DAY_MS) : 0;
    this.div = isMysql(db) ? 'DIV' : '/';
  }

  /** The time of sample `index`. */
  at(index: number): number {
    return index < this.regular ? this.from + index * DAY_MS : this.asOf;
  }

  /** SQL: the index of the first sample at or after `x` (a time ≤ asOf). */
  firstAtOrAfter(x: string): string {
    const { from, regular, div } = this;
    const day = `((${x}) - ${from} + ${DAY_MS - 1}) ${div} ${DAY_MS}`;
    return `(CASE WHEN ${x} <= ${from} THEN 0 WHEN ${day} >= ${regular} THEN ${regular} ELSE ${day} END)`;
  }

  /** SQL: the index of the last sample at or before `y` (a time ≥ from). */
  lastAtOrBefore(y: string): string {
    const { from, asOf, regular, div } = this;
    return `(CASE WHEN ${y} >= ${asOf} THEN ${regular} ELSE ((${y}) - ${from}) ${div} ${DAY_MS} END)`;
  }
}

/** SQL: the larger of two values (no GREATEST in SQLite, no MAX(a, b) elsewhere). */
export const greaterSql = (a: string, b: string) =>
  `(CASE WHEN ${a} >= ${b} THEN ${a} ELSE ${b} END)`;

/** SQL: the smaller of two values. */
export const lesserSql = (a: string, b: string) =>
  `(CASE WHEN ${a} <= ${b} THEN ${a} ELSE ${b} END)`;
