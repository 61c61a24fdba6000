const DAY = 86_400_000;
/** 10000-01-01T00:00:00.000Z: from there on toISOString writes six-digit years. */
const YEAR_10000 = 253_402_300_800_000;
/** Enough days for a report's or an export's times; cleared when full. */
const MAX_DAYS = 4096;

/** "YYYY-MM-DDT" by day number since the epoch. */
const dayPrefixes = new Map<number, string>();

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= MAX_DAYS) dayPrefixes.clear();
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

/**
 * A time in epoch milliseconds (a number, or the text of one as some
 * drivers return big integers) as `Date#toISOString` writes it; null when
 * there is none. Reports and exports write thousands of times, and
 * toISOString builds a Date and formats all of it each time: here the date
 * part is formatted once per day and the time of day by arithmetic, with the
 * same result (years 0-9999; other times, and invalid ones, go through
 * toISOString, which throws for the latter as before).
 */
export function isoTime(ms: number | string | null | undefined): string | null {
  if (ms === null || ms === undefined) return null;
  const t = Number(ms);
  if (!(t >= 0 && t < YEAR_10000 && Number.isInteger(t)))
    return new Date(t).toISOString();
  const day = Math.floor(t / DAY);
  let rest = t - day * DAY;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  return `${dayPrefix(day)}${digits(hour, 100)}:${digits(minute, 100)}:${digits(
    second,
    100,
  )}.${digits(milli, 1000)}Z`;
}

/** `n` (below `scale`) with leading zeros to the digits of `scale` - 1. */
function digits(n: number, scale: number): string {
  return String(scale + n).slice(1);
}
