import { z } from 'zod';
import { dateTimeProblem } from '../ingest/dateTime';
import { BatchValidationError } from '../ingest/validate';

/**
 * Epoch milliseconds of a date-time parameter or field that Backstage's
 * request validation checked for its shape only: 400 naming `field` when
 * it names no instant (30 February, a leap second).
 */
export function requireTime(value: string, field: string): number {
  const problem = dateTimeProblem(value);
  if (problem !== undefined)
    throw new BatchValidationError([{ index: null, field, message: problem }]);
  return Date.parse(value);
}

/**
 * `asOf` of a read route: the answer as the portal would have shown it
 * then, in epoch milliseconds; absent, now.
 */
export function asOfTime(asOf: string | undefined, clock: () => number) {
  return asOf === undefined ? clock() : requireTime(asOf, 'asOf');
}

/**
 * The parts of a cursor's key, as a row's key can hold them: a hand-made
 * cursor with another value (a fraction for a bigint column, a NUL in a
 * string) is refused here instead of failing in the database.
 */
export const cursorText = z.string().regex(/^\P{Cc}*$/u);
export const cursorInteger = z.number().int();

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>): T {
  try {
    return shape.parse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
  } catch {
    throw new BatchValidationError([
      {
        index: null,
        field: 'cursor',
        message: 'is not a cursor this API returned',
      },
    ]);
  }
}
