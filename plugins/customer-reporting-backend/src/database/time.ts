/** Times are stored as epoch milliseconds; this converts at the edges. */
export function toMillis(iso: string): number {
  return new Date(iso).getTime();
}

export function toIso(ms: number | string | null | undefined): string | null {
  if (ms === null || ms === undefined) return null;
  // PostgreSQL returns bigint columns as strings.
  return new Date(Number(ms)).toISOString();
}

export function toNumber(
  value: number | string | null | undefined,
): number | null {
  return value === null || value === undefined ? null : Number(value);
}
