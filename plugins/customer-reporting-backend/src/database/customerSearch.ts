/*
 * The customer list's search, folded by JavaScript on both sides: SQL's
 * lower() folds only ASCII letters on SQLite, and on PostgreSQL depends on
 * the database's locale. The stored side is `customers.search_text`.
 */

const fold = (s: string | null | undefined) =>
  (s ?? '').normalize('NFC').toLowerCase();

/**
 * What the search matches of a customer: its name, id, email and custom id,
 * one per line, so a term matches within one of them (the search parameter
 * refuses control characters, a line break too).
 */
export function customerSearchText(c: {
  id: string;
  name: string;
  email?: string | null;
  customId?: string | null;
}): string {
  return [c.name, c.id, c.email, c.customId].map(fold).join('\n');
}

/**
 * A LIKE pattern (escape character '!') finding `term` anywhere in the
 * search text. '!' rather than a backslash, which means different things in
 * PostgreSQL and MySQL string literals.
 */
export function customerSearchPattern(term: string): string {
  return `%${fold(term).replace(/[!%_]/g, ch => `!${ch}`)}%`;
}
