import { parseIso } from './formatDateTime';

/** Shown when there is nothing sensible to format (negative or not a number). */
const NOT_A_DURATION = '–';

/** Options of {@link formatDuration}. */
export interface FormatDurationOptions {
  /**
   * ISO 8601 moment the duration started at. Months only have a fixed length
   * relative to a start date, so with it months are whole calendar months
   * (Jan 31 + 1 month = Feb 29 in 2024); without it a month is 30 days.
   */
  start?: string;
}

/** 28 days, the shortest calendar month (UTC has no daylight saving). */
const SHORTER_THAN_ANY_MONTH = 28 * 86_400;
/** A month without a start date to count from, as luxon's durations have it. */
const THIRTY_DAYS = 30 * 86_400;

/**
 * Formats a duration in seconds with explicit units and the two largest
 * non-zero parts, e.g. '45 min', '1 h 30 min', '9 d 6 h', '5 mo 24 d'.
 *
 * @remarks
 * Units are spelled out instead of an `hh:mm` clock format because these
 * durations span minutes to months and a bare number is easy to misread.
 * Smaller parts are truncated, never rounded up, so '59 min' never shows as
 * '1 h' and a partial day never shows as a full one.
 *
 * The parts are what luxon's `Interval#toDuration` (with a start) or
 * `Duration#shiftTo` (without) give in UTC, worked out by hand because
 * tables format one per row and luxon's calendar arithmetic costs most of a
 * row's time; a property test holds the two equal.
 */
export function formatDuration(
  seconds: number,
  options: FormatDurationOptions = {},
): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    return NOT_A_DURATION;
  }
  if (seconds < 60) {
    return '< 1 min';
  }
  const startMs = options.start
    ? parseIso(options.start, { zone: 'utc' })
    : undefined;
  // Below 28 days no month fits, from any start.
  const [months, rest] =
    startMs !== undefined && seconds >= SHORTER_THAN_ANY_MONTH
      ? calendarMonths(startMs, seconds)
      : [Math.floor(seconds / THIRTY_DAYS), seconds % THIRTY_DAYS];
  return formatParts(
    months,
    Math.floor(rest / 86_400),
    Math.floor((rest % 86_400) / 3_600),
    Math.floor((rest % 3_600) / 60),
  );
}

/**
 * The whole calendar months in `seconds` from `startMs`, counted in UTC as
 * luxon's `plus({ months })` does (Jan 31 + 1 month = the last day of
 * February), and the seconds left over.
 */
function calendarMonths(startMs: number, seconds: number): [number, number] {
  const start = new Date(startMs);
  const endMs = startMs + seconds * 1000;
  const end = new Date(endMs);
  const monthsLater = (months: number) => {
    const year = start.getUTCFullYear();
    const month = start.getUTCMonth() + months;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return Date.UTC(
      year,
      month,
      Math.min(start.getUTCDate(), lastDay),
      start.getUTCHours(),
      start.getUTCMinutes(),
      start.getUTCSeconds(),
      start.getUTCMilliseconds(),
    );
  };
  let months =
    (end.getUTCFullYear() - start.getUTCFullYear()) * 12 +
    end.getUTCMonth() -
    start.getUTCMonth();
  while (months > 0 && monthsLater(months) > endMs) months -= 1;
  return [months, (endMs - monthsLater(months)) / 1000];
}

/** The two largest non-zero parts of whole months, days, hours, minutes. */
function formatParts(
  months: number,
  days: number,
  hours: number,
  minutes: number,
): string {
  if (months > 0) {
    return join([months, 'mo'], [days, 'd']);
  }
  if (days > 0) {
    return join([days, 'd'], [hours, 'h']);
  }
  if (hours > 0) {
    return join([hours, 'h'], [minutes, 'min']);
  }
  return `${minutes} min`;
}

/** '9 d 6 h', or just '9 d' when the smaller part is zero. */
function join(major: [number, string], minor: [number, string]): string {
  const head = `${major[0]} ${major[1]}`;
  return minor[0] > 0 ? `${head} ${minor[0]} ${minor[1]}` : head;
}

/**
 * A license time to install (first ready − license created). Negative when
 * the instance was ready before the license was created (a license issued
 * again for a running installation): said so, instead of a dash.
 */
export function formatLicenseTimeToInstall(
  seconds: number,
  start?: string,
): string {
  return seconds < 0
    ? 'ready before the license was created'
    : formatDuration(seconds, { start });
}
