import { z } from 'zod/v4';

/** One problem with one item of a request, as returned in 400 answers. */
export interface ValidationIssue {
  index: number | null;
  field: string;
  message: string;
}

/** Thrown when a request body fails validation; carries every issue found. */
export class BatchValidationError extends Error {
  readonly name = 'InputError';
  constructor(readonly issues: ValidationIssue[]) {
    super(
      `Invalid request: ${issues
        .slice(0, 5)
        .map(
          i =>
            `${i.index === null ? '' : `item ${i.index}: `}${i.field} ${
              i.message
            }`,
        )
        .join('; ')}${
        issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''
      }`,
    );
  }
}

const MAX_ISSUES = 100;

function toIssues(
  error: z.ZodError,
  index: number | null,
  prefix: string[] = [],
): ValidationIssue[] {
  return error.issues.map(issue => {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return {
        index,
        field: [...path, ...issue.keys].join('.'),
        message: 'is not a known field',
      };
    }
    return { index, field: path.join('.') || '(body)', message: issue.message };
  });
}

/** Validates a single object body. */
export function validateOne<S extends z.ZodTypeAny>(
  schema: S,
  body: unknown,
): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new BatchValidationError(
      toIssues(result.error, null).slice(0, MAX_ISSUES),
    );
  }
  return result.data;
}

/**
 * Validates `{[key]: [item, ...]}` with at most `maxItems` items; every item
 * is checked so the caller learns about all bad items at once.
 */
export function validateBatch<S extends z.ZodTypeAny>(
  body: unknown,
  key: string,
  itemSchema: S,
  maxItems: number,
): z.output<S>[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BatchValidationError([
      {
        index: null,
        field: '(body)',
        message: `must be an object with a "${key}" array`,
      },
    ]);
  }
  const extraKeys = Object.keys(body).filter(k => k !== key);
  const items = (body as Record<string, unknown>)[key];
  if (!Array.isArray(items)) {
    throw new BatchValidationError([
      { index: null, field: key, message: 'must be an array' },
    ]);
  }
  if (extraKeys.length > 0) {
    throw new BatchValidationError(
      extraKeys.map(k => ({
        index: null,
        field: k,
        message: 'is not a known field',
      })),
    );
  }
  if (items.length > maxItems) {
    throw new BatchValidationError([
      {
        index: null,
        field: key,
        message: `must hold at most ${maxItems} items, got ${items.length}`,
      },
    ]);
  }
  const values: z.output<S>[] = [];
  const issues: ValidationIssue[] = [];
  items.forEach((item, index) => {
    const result = itemSchema.safeParse(item);
    if (result.success) values.push(result.data);
    else issues.push(...toIssues(result.error, index));
  });
  if (issues.length > 0) {
    throw new BatchValidationError(issues.slice(0, MAX_ISSUES));
  }
  return values;
}
