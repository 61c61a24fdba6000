import { DATE_TIME_MESSAGE, parseDateTime } from './dateTime';
import { ValidationIssue } from './validate';

/** How far in the future a reported time may be (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

const EARLIEST = Date.UTC(1990, 0, 1);

/**
 * Epoch milliseconds of a date-time the spec validated, or NaN with an
 * issue when it is before 1990 or more than 5 minutes ahead of `now`
 * (`now` undefined: a time that may lie in the future, such as an expiry).
 */
export function ingestTime(
  value: string,
  now: number | undefined,
  index: number | null,
  field: string,
  issues: ValidationIssue[],
): number {
  const ms = parseDateTime(value);
  let message: string | undefined;
  if (Number.isNaN(ms)) message = DATE_TIME_MESSAGE;
  else if (ms < EARLIEST) message = 'must not be before 1990';
  else if (now !== undefined && ms > now + MAX_FUTURE_SKEW_MS)
    message = 'must not be more than 5 minutes in the future';
  if (message === undefined) return ms;
  issues.push({ index, field, message });
  return NaN;
}
