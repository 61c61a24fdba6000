import { DateTime, DateTimeOptions, Settings } from 'luxon';

/*
 * Tables show a time in every row, so these run hundreds of times per page.
 * Parsing with luxon and formatting through it cost about 0.3 ms a cell; a
 * full ISO time with its offset (what the API sends) is read with
 * Date.parse instead, and the text comes from Intl formatters made once per
 * locale and zone. The viewer's locale and zone are still luxon's settings,
 * so the rest of the plugin and the tests agree with these.
 */

/** A date and time of day with its UTC offset: the API's times. */
const FULL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/**
 * Milliseconds since the epoch, or undefined when unparsable. `options`
 * are luxon's, for a time without an offset (a date alone).
 */
export function parseIso(
  iso: string,
  options?: DateTimeOptions,
): number | undefined {
  if (FULL_ISO.test(iso)) {
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) return ms;
  }
  // Anything else as luxon reads it (a date alone is midnight in the zone).
  const time = DateTime.fromISO(iso, options);
  return time.isValid ? time.toMillis() : undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/**
 * An Intl formatter for luxon's locale and zone, or null for a zone Intl
 * does not name (luxon's fixed offsets), which luxon then formats.
 */
function formatterFor(
  options: Intl.DateTimeFormatOptions,
  zone: 'viewer' | 'utc',
): Intl.DateTimeFormat | null {
  const locale = Settings.defaultLocale || undefined;
  const viewerZone = Settings.defaultZone;
  let timeZone: string | undefined = 'UTC';
  if (zone === 'viewer') {
    if (viewerZone.type === 'system') timeZone = undefined;
    else if (viewerZone.type === 'iana') timeZone = viewerZone.name;
    else return null;
  }
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

function formatLocal(
  iso: string,
  options: Intl.DateTimeFormatOptions,
): string | undefined {
  const ms = parseIso(iso);
  if (ms === undefined) return undefined;
  const formatter = formatterFor(options, 'viewer');
  return formatter
    ? formatter.format(ms)
    : DateTime.fromMillis(ms).toLocaleString(options);
}

/**
 * Formats an ISO 8601 time in the viewer's time zone, e.g.
 * 'Nov 27, 2026, 3:40 PM'. Returns undefined for an unparsable time so
 * callers choose their own placeholder.
 */
export function formatLocalDateTime(iso: string): string | undefined {
  return formatLocal(iso, DateTime.DATETIME_MED);
}

/** Date only, in the viewer's time zone, e.g. 'Nov 27, 2026'. */
export function formatLocalDate(iso: string): string | undefined {
  return formatLocal(iso, DateTime.DATE_MED);
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The same moment in UTC, e.g. '2026-11-27 15:40:31 UTC': shown on hover so
 * people comparing notes across time zones (or with logs) agree on the value.
 */
export function formatUtcDateTime(iso: string): string | undefined {
  const ms = parseIso(iso);
  if (ms === undefined) return undefined;
  const t = new Date(ms);
  return `${t.getUTCFullYear()}-${twoDigits(t.getUTCMonth() + 1)}-${twoDigits(
    t.getUTCDate(),
  )} ${twoDigits(t.getUTCHours())}:${twoDigits(t.getUTCMinutes())}:${twoDigits(
    t.getUTCSeconds(),
  )} UTC`;
}
