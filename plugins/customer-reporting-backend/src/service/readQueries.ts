import { z } from 'zod/v4';
import { LICENSE_TYPES } from '@customer-reporting/plugin-customer-reporting-common';
import { BatchValidationError } from '../ingest/validate';
import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUS_FILTERS,
  INSTANCE_EVENT_CATEGORIES,
  UPTIME_RANGES,
} from '@customer-reporting/plugin-customer-reporting-common';

const booleanString = z.enum(['true', 'false']).transform(v => v === 'true');

/** `asOf`: the answer as the portal would have shown it then (default now). */
const asOf = z
  .string()
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 time with a time zone',
  })
  .transform(value => Date.parse(value));

export const customerListQuery = z
  .object({
    search: z.string().max(200).optional(),
    appSlug: z.string().max(100).optional(),
    channelSlug: z.string().max(100).optional(),
    licenseType: z.enum(LICENSE_TYPES).optional(),
    active: booleanString.optional(),
    status: z
      .enum(CUSTOMER_STATUS_FILTERS, {
        error: `must be one of ${CUSTOMER_STATUS_FILTERS.join(', ')}`,
      })
      .optional(),
    sort: z
      .enum(CUSTOMER_SORTS, {
        error: `must be one of ${CUSTOMER_SORTS.join(', ')}`,
      })
      .default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(1000).optional(),
    asOf: asOf.optional(),
  })
  .strict();

export const reportQuery = z
  .object({
    includeInactive: booleanString.default(false),
    includeArchived: booleanString.default(false),
    asOf: asOf.optional(),
  })
  .strict();

export const asOfQuery = z.object({ asOf: asOf.optional() }).strict();

export const uptimeQuery = z
  .object({
    range: z
      .enum(UPTIME_RANGES, {
        error: `must be one of ${UPTIME_RANGES.join(', ')}`,
      })
      .default('2w'),
    asOf: asOf.optional(),
  })
  .strict();

export const eventsQuery = z
  .object({
    category: z.enum(INSTANCE_EVENT_CATEGORIES).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().max(1000).optional(),
    asOf: asOf.optional(),
  })
  .strict();

/** Parses a query string; empty parameters count as absent. */
export function parseQuery<S extends z.ZodTypeAny>(
  schema: S,
  query: unknown,
): z.output<S> {
  const cleaned = Object.fromEntries(
    Object.entries((query ?? {}) as Record<string, unknown>).filter(
      ([, v]) => v !== '',
    ),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new BatchValidationError(
      result.error.issues.map(issue => ({
        index: null,
        field:
          issue.code === 'unrecognized_keys'
            ? issue.keys.join(', ')
            : issue.path.join('.') || '(query)',
        message:
          issue.code === 'unrecognized_keys'
            ? 'is not a known query parameter'
            : issue.message,
      })),
    );
  }
  return result.data;
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
