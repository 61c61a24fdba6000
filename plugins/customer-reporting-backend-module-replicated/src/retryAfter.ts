/**
 * How long a `Retry-After` header asks to wait, in milliseconds: either
 * delay-seconds or an HTTP date (RFC 9110). Undefined when absent or
 * unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(
  header: string | null,
  now: number,
): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Exponential backoff from 1 s, doubled per attempt, capped. */
export function backoffMs(attempt: number, capMs: number): number {
  return Math.min(capMs, 1000 * 2 ** attempt);
}
