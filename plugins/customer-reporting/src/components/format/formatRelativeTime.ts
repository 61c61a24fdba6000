import { DateTime, ToRelativeUnit } from 'luxon';

const DAY_MS = 86_400_000;
const NEAR_UNITS: ToRelativeUnit[] = ['days', 'hours', 'minutes', 'seconds'];

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
  // Within 27 days no calendar month or year has passed, whatever the
  // daylight-saving shifts, so luxon need not work out those two: they are
  // most of its cost, and lists show a relative time in every row.
  const near = Math.abs(time.toMillis() - now.toMillis()) < 27 * DAY_MS;
  return (
    time.toRelative(near ? { base: now, unit: NEAR_UNITS } : { base: now }) ??
    undefined
  );
}

/** Absolute local time for tooltips next to a relative time. */
export function formatAbsoluteTime(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}
