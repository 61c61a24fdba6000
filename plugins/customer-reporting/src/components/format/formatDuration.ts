import { DateTime, Duration, Interval } from 'luxon';

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

/**
 * Formats a duration in seconds with explicit units and the two largest
 * non-zero parts, e.g. '45 min', '1 h 30 min', '9 d 6 h', '5 mo 24 d'.
 *
 * @remarks
 * Units are spelled out instead of an `hh:mm` clock format because these
 * durations span minutes to months and a bare number is easy to misread.
 * Smaller parts are truncated, never rounded up, so '59 min' never shows as
 * '1 h' and a partial day never shows as a full one.
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

  if (seconds < SHORTER_THAN_ANY_MONTH) {
    // No month fits: the parts are plain arithmetic, what luxon's interval
    // below gives in UTC, without its cost (tables format one per row).
    return formatParts(
      0,
      Math.floor(seconds / 86_400),
      Math.floor((seconds % 86_400) / 3_600),
      Math.floor((seconds % 3_600) / 60),
    );
  }
  const units = ['months', 'days', 'hours', 'minutes'] as const;
  const start = options.start
    ? DateTime.fromISO(options.start, { zone: 'utc' })
    : undefined;
  // UTC keeps daylight-saving shifts from turning 24 h into '23 h'.
  const duration =
    start && start.isValid
      ? Interval.fromDateTimes(start, start.plus({ seconds })).toDuration([
          ...units,
        ])
      : Duration.fromObject({ seconds }).shiftTo(...units);

  return formatParts(
    Math.floor(duration.months),
    Math.floor(duration.days),
    Math.floor(duration.hours),
    Math.floor(duration.minutes),
  );
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
