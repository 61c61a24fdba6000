/**
 * Plain code-unit order: the same in every locale and on both databases,
 * unlike `localeCompare`.
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
