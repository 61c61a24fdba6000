import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';

/**
 * The Vendor API is not consistent about field-name casing (`intervalLast`
 * and `intervallast`, `isAirgap` and `is_airgap`), so every record is read
 * with its keys lowercased and without `_` or `-`; schemas name keys that way.
 */
export function normaliseKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key.toLowerCase().replace(/[_-]/g, ''),
      v,
    ]),
  );
}

/** An API object read with normalised keys; unknown fields are ignored. */
export function record<T extends z.ZodRawShape>(shape: T) {
  return z.preprocess(normaliseKeys, z.object(shape));
}

/**
 * An optional field: null, missing or of an unexpected type reads as
 * undefined, so one odd field never costs the whole record.
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

export const optionalTime = z.unknown().transform(parseTime);

/** Ids as the ingest routes accept them (they travel in URLs and keys). */
export const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._:@-]{1,100}$/, 'is not a usable id');

export const text = z.string().trim().min(1);

/** The array under the first of `keys` the answer has (normalised), or []. */
export function listIn(answer: unknown, ...keys: string[]): unknown[] {
  const normalised = normaliseKeys(answer);
  if (Array.isArray(normalised)) return normalised;
  if (!normalised || typeof normalised !== 'object') return [];
  for (const key of keys) {
    const value = (normalised as Record<string, unknown>)[key];
    if (Array.isArray(value)) return value;
  }
  return [];
}

/**
 * Parses each item on its own: a malformed one is logged and skipped, the
 * rest are kept. Returns the parsed items and how many were skipped.
 */
export function parseEach<T>(
  items: unknown[],
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
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
