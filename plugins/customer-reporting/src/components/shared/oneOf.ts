/**
 * The value if it is one of `allowed`, else undefined: a hand-edited or
 * stale URL must not reach the backend as a 400.
 */
export function oneOf<T extends string>(
  allowed: readonly T[],
  value: string | null,
): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '')
    ? (value as T)
    : undefined;
}
