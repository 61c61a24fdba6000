import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';

/*
 * Reading Vendor API records: every schema names the fields exactly as the
 * specification (dev/vendor-api-v3.swagger.json) does, and is tolerant of
 * what a real account may send: one odd field or list entry never costs the
 * whole record.
 */

/**
 * An optional field: missing or of an unexpected type reads as undefined
 * (so does null, which the specification never declares).
 */
export function optional<T extends z.ZodTypeAny>(schema: T) {
  return z
    .preprocess(v => v ?? undefined, schema.optional())
    .catch(undefined) as z.ZodType<z.output<T> | undefined>;
}

/**
 * A list inside a record (a customer's channels, an instance's tags): its
 * unusable entries are dropped, the record and its other entries are kept.
 */
export function entries<T extends z.ZodTypeAny>(schema: T) {
  return optional(z.array(z.unknown())).transform(items =>
    (items ?? []).flatMap(item => {
      const result = schema.safeParse(item);
      return result.success ? [result.data as z.output<T>] : [];
    }),
  );
}

/** Before this, a time is a placeholder (Go's zero time is year 1). */
const EARLIEST_TIME = Date.UTC(1990, 0, 1);

/** Epoch milliseconds of an API time; undefined for placeholders and junk. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) || ms < EARLIEST_TIME ? undefined : ms;
}

export const time = z
  .unknown()
  .transform(parseTime)
  .refine(ms => ms !== undefined, 'must be an ISO 8601 time')
  .transform(ms => ms!);

// Optional as a key too: zod 4 refuses a missing key whose schema's output
// is not optional, whatever its transform answers.
export const optionalTime = z.unknown().transform(parseTime).optional();

/** Ids as the ingest routes accept them (they travel in URLs and keys). */
export const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._:@-]{1,100}$/, 'is not a usable id');

export const text = z.string().trim().min(1);

export const flag = optional(z.boolean());

/** The ingest's whole numbers (`WholeNumber`) are 32-bit; larger read as absent. */
export const count = optional(z.number().int().nonnegative().max(2147483647));

/** The array under `key` of an answer object (a list answer), or []. */
export function listIn(answer: unknown, key: string): unknown[] {
  const value =
    answer && typeof answer === 'object' && !Array.isArray(answer)
      ? (answer as Record<string, unknown>)[key]
      : undefined;
  return Array.isArray(value) ? value : [];
}

/** The integer under `key` of an answer object (a list's total), if any. */
export function totalIn(answer: unknown, key: string): number | undefined {
  const value =
    answer && typeof answer === 'object'
      ? (answer as Record<string, unknown>)[key]
      : undefined;
  return typeof value === 'number' && Number.isInteger(value)
    ? value
    : undefined;
}

/**
 * Parses each item on its own: a malformed one is logged and skipped, the
 * rest are kept. Returns the parsed items and how many were skipped.
 */
export function parseEach<T>(
  items: unknown[],
  schema: z.ZodType<T>,
  what: string,
  logger: LoggerService,
): { items: T[]; skipped: number } {
  const parsed: T[] = [];
  let skipped = 0;
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) {
      parsed.push(result.data);
      return;
    }
    skipped++;
    const issues = result.error.issues
      .slice(0, 3)
      .map(i => `${i.path.join('.') || '(record)'} ${i.message}`)
      .join('; ');
    logger.warn(`Skipped a malformed ${what} (item ${index}): ${issues}`);
  });
  return { items: parsed, skipped };
}

/** A parsed page of a list answer (see pullPages.ts). */
export function parsePage<T>(
  answer: unknown,
  listKey: string,
  totalKey: string,
  schema: z.ZodType<T>,
  what: string,
  logger: LoggerService,
) {
  const raw = listIn(answer, listKey);
  const { items, skipped } = parseEach(raw, schema, what, logger);
  return {
    items,
    received: raw.length,
    total: totalIn(answer, totalKey),
    skipped,
  };
}
