/**
 * Rows per multi-row insert. Knex writes a multi-row insert on SQLite as a
 * compound SELECT, which SQLite limits to 500 terms; 400 rows also keep every
 * statement of ours far below the engines' bound-parameter limits.
 */
export const ROWS_PER_INSERT = 400;

/** Consecutive slices of at most `size` items, for bounded statements. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}
