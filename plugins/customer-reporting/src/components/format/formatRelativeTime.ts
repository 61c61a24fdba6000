import { DateTime } from 'luxon';

/**
 * Formats an ISO 8601 time relative to now, e.g. '3 hours ago'.
 *
 * @param now - Reference moment; injectable so tests do not depend on the clock.
 * @returns undefined for a missing or unparsable time, so callers choose their
 * own placeholder.
 */
export function formatRelativeTime(
  iso: string | null | undefined,
  now: DateTime = DateTime.now(),
): string | undefined {
  if (!iso) {
    return undefined;
  }
  const time = DateTime.fromISO(iso);
  if (!time.isValid) {
    return undefined;
  }
  return time.toRelative({ base: now }) ?? undefined;
}

/** Absolute local time for tooltips next to a relative time. */
export function formatAbsoluteTime(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}
