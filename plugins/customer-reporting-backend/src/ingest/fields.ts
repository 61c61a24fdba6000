import { z } from 'zod/v4';
import { APP_STATUSES } from '@customer-reporting/plugin-customer-reporting-common';

/** How far in the future a reported time may be (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

export const id = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(
    /^[A-Za-z0-9._:@-]+$/,
    'may only contain letters, digits and . _ : @ -',
  );

export const slug = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
    'must be a lowercase slug (a-z, 0-9, -)',
  );

/**
 * Control characters (and the Unicode line separators): never part of a
 * name, id or label, and dangerous where values end up in shell commands,
 * CSV files or logs.
 */
const CONTROL_CHARACTER = /[\p{Cc}\u2028\u2029]/u;

export const text = (max = 255) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(
      value => !CONTROL_CHARACTER.test(value),
      'must not contain control characters',
    );

export const email = z
  .string()
  .trim()
  .max(320)
  .email('must be an email address');

/**
 * An ISO 8601 time with an explicit offset, not more than 5 minutes ahead of
 * the server clock. Parsed to epoch milliseconds.
 */
export const isoTime = (now: () => number) =>
  z
    .string()
    .datetime({
      offset: true,
      message: 'must be an ISO 8601 time with a time zone',
    })
    .transform(value => Date.parse(value))
    .refine(ms => ms >= Date.UTC(1990, 0, 1), 'must not be before 1990')
    .refine(
      ms => ms <= now() + MAX_FUTURE_SKEW_MS,
      'must not be more than 5 minutes in the future',
    );

/** Application status in any casing, stored lowercase. */
export const appStatus = z
  .string()
  .transform(value => value.toLowerCase())
  .pipe(
    z.enum(APP_STATUSES, {
      error: `must be one of ${APP_STATUSES.join(', ')}`,
    }),
  );

export const nonNegativeInt = z
  .number()
  .int('must be an integer')
  .min(0, 'must not be negative')
  .max(2 ** 31 - 1);
