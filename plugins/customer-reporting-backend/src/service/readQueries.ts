import { z } from 'zod';
import { BatchValidationError } from '../ingest/validate';

/**
 * `asOf` of a read route, already checked against the spec (an ISO 8601
 * time with a zone): the answer as the portal would have shown it then, in
 * epoch milliseconds; absent, now.
 */
export function asOfTime(asOf: string | undefined, clock: () => number) {
  return asOf === undefined ? clock() : Date.parse(asOf);
}

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
