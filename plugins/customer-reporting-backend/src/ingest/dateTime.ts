/**
 * RFC 3339 date-time with a required offset (ajv-formats 2 lets a time
 * without a zone through, and splits every value into an array first).
 */
const DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

export const DATE_TIME_MESSAGE = 'must be an ISO 8601 time with a time zone';

/**
 * A URL's query reads `+` as a space, so an offset such as `+02:00` typed
 * into an address arrives as ` 02:00`: for such a value, how to send it.
 */
export function urlPlusHint(value: string): string {
  return /\d \d{2}(:?\d{2})?$/.test(value)
    ? ' (in a URL a "+" reads as a space: write the offset as %2B02:00)'
    : '';
}

/**
 * What is wrong with `value` as a date-time, or undefined when it names one
 * instant. Beyond the shape: JavaScript rolls 30 February over into March
 * and cannot hold a leap second (23:59:60), so both are refused rather than
 * stored as another day or as no time at all.
 */
export function dateTimeProblem(value: string): string | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return DATE_TIME_MESSAGE;
  const [, year, month, day, , second] = match;
  const daysInMonth = new Date(Date.UTC(+year, +month, 0)).getUTCDate();
  if (+day > daysInMonth)
    return `${DATE_TIME_MESSAGE}: ${year}-${month} has ${daysInMonth} days`;
  if (second === '60')
    return `${DATE_TIME_MESSAGE}: leap seconds (:60) are not supported`;
  return undefined;
}

/** Epoch milliseconds of an RFC 3339 date-time; NaN when it names no instant. */
export function parseDateTime(value: string): number {
  return dateTimeProblem(value) === undefined ? Date.parse(value) : NaN;
}
