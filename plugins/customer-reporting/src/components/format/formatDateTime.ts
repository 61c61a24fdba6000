import { DateTime } from 'luxon';

/**
 * Formats an ISO 8601 time in the viewer's time zone, e.g.
 * 'Nov 27, 2026, 3:40 PM'. Returns undefined for an unparsable time so
 * callers choose their own placeholder.
 */
export function formatLocalDateTime(iso: string): string | undefined {
  const time = DateTime.fromISO(iso);
  return time.isValid ? time.toLocaleString(DateTime.DATETIME_MED) : undefined;
}

/** Date only, in the viewer's time zone, e.g. 'Nov 27, 2026'. */
export function formatLocalDate(iso: string): string | undefined {
  const time = DateTime.fromISO(iso);
  return time.isValid ? time.toLocaleString(DateTime.DATE_MED) : undefined;
}

/**
 * The same moment in UTC, e.g. '2026-11-27 15:40:31 UTC': shown on hover so
 * people comparing notes across time zones (or with logs) agree on the value.
 */
export function formatUtcDateTime(iso: string): string | undefined {
  const time = DateTime.fromISO(iso, { zone: 'utc' });
  return time.isValid ? time.toFormat("yyyy-LL-dd HH:mm:ss 'UTC'") : undefined;
}
