/**
 * One word for a POSIX shell: single-quoted, each `'` written as `'\''`.
 * Nothing inside single quotes is special (no `$`, backquote, `;`, glob or
 * newline), so any value stays one literal argument.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
