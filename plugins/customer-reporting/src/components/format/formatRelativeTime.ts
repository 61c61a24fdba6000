import { DateTime, Settings, ToRelativeUnit } from 'luxon';
import { parseIso } from './formatDateTime';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NEAR_UNITS: ToRelativeUnit[] = ['days', 'hours', 'minutes', 'seconds'];
/** Shorter than any calendar day, even one that loses two hours to daylight saving. */
const SHORTER_THAN_ANY_DAY = 21 * HOUR_MS;
const CLOCK_UNITS = [
  ['hours', HOUR_MS],
  ['minutes', 60_000],
  ['seconds', 1_000],
] as const;

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** Luxon's relative-time formatter for its locale, made once per locale. */
function relativeFormatter(): Intl.RelativeTimeFormat {
  const locale = Settings.defaultLocale || '';
  let formatter = relativeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale || undefined, {
      numeric: 'always',
    });
    relativeFormatters.set(locale, formatter);
  }
  return formatter;
}

/**
 * Formats an ISO 8601 time relative to now, e.g. '3 hours ago'.
 *
 * @param now - Reference moment; injectable so tests do not depend on the clock.
 * @returns undefined for a missing or unparsable time, so callers choose their
 * own placeholder.
 *
 * @remarks
 * Lists show a relative time in every row, and luxon's `toRelative` costs
 * most in the calendar units, so the text is luxon's but reached cheaper:
 * within 21 hours no calendar day has passed (days are 22 to 26 hours long
 * across daylight-saving changes), and the clock units are plain division,
 * formatted by the Intl formatter luxon would use; within 27 days no
 * calendar month or year has passed, so luxon need not work those out.
 */
export function formatRelativeTime(
  iso: string | null | undefined,
  now?: DateTime,
): string | undefined {
  if (!iso) {
    return undefined;
  }
  const ms = parseIso(iso);
  if (ms === undefined) {
    return undefined;
  }
  const offset = ms - (now ? now.toMillis() : Date.now());
  if (Math.abs(offset) < SHORTER_THAN_ANY_DAY) {
    for (const [unit, size] of CLOCK_UNITS) {
      const count = offset / size;
      if (Math.abs(count) >= 1) {
        return relativeFormatter().format(Math.trunc(count), unit);
      }
    }
    // Under a second: luxon says '0 seconds ago' or 'in 0 seconds'.
    return relativeFormatter().format(offset < 0 ? -0 : 0, 'seconds');
  }
  const base = now ?? DateTime.now();
  const near = Math.abs(offset) < 27 * DAY_MS;
  return (
    DateTime.fromMillis(ms).toRelative(
      near ? { base, unit: NEAR_UNITS } : { base },
    ) ?? undefined
  );
}

/** Absolute local time for tooltips next to a relative time. */
export function formatAbsoluteTime(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}
