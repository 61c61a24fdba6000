import { ValidateFunction } from 'ajv/dist/2020';
import { issuesOf } from './ajvIssues';
import { BatchValidationError, ValidationIssue } from './validate';

/**
 * Turns one item the spec accepted into what the store takes; reports
 * what the spec cannot say (time ranges, any-case enums) into `issues`.
 */
export type Prepare<T> = (
  item: any,
  index: number | null,
  issues: ValidationIssue[],
) => T;

function fail(issues: ValidationIssue[]): never {
  throw new BatchValidationError(issues);
}

/**
 * Validates `{[key]: [item, ...]}` with at most `maxItems` items against the
 * item schema; every item is checked so the caller learns about all bad
 * items at once. The item schemas have no defaults, so items are not copied.
 */
export function validateBatch<T>(
  body: unknown,
  key: string,
  validate: ValidateFunction,
  maxItems: number,
  prepare: Prepare<T>,
): T[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail([
      {
        index: null,
        field: '(body)',
        message: `must be an object with a "${key}" array`,
      },
    ]);
  }
  const items = (body as Record<string, unknown>)[key];
  if (!Array.isArray(items)) {
    fail([{ index: null, field: key, message: 'must be an array' }]);
  }
  const extraKeys = Object.keys(body).filter(k => k !== key);
  if (extraKeys.length > 0) {
    fail(
      extraKeys.map(k => ({
        index: null,
        field: k,
        message: 'is not a known field',
      })),
    );
  }
  if (items.length > maxItems) {
    fail([
      {
        index: null,
        field: key,
        message: `must hold at most ${maxItems} items, got ${items.length}`,
      },
    ]);
  }
  const values: T[] = [];
  const issues: ValidationIssue[] = [];
  for (let index = 0; index < items.length; index++) {
    if (validate(items[index])) {
      values.push(prepare(items[index], index, issues));
    } else {
      issues.push(...issuesOf(validate.errors!, index));
    }
  }
  if (issues.length > 0) fail(issues);
  return values;
}

/** Validates a path parameter: the issue names the parameter. */
export function validateParam(
  value: string,
  name: string,
  validate: ValidateFunction,
): string {
  if (!validate(value)) {
    fail(
      issuesOf(validate.errors!, null).map(issue => ({
        ...issue,
        field: name,
      })),
    );
  }
  return value;
}

/**
 * Far deeper than any body the spec describes (a customer's custom fields
 * are three levels down), and far below what structuredClone, which
 * recurses, can copy: about 5,000 levels end in a RangeError, a 500.
 */
const MAX_BODY_DEPTH = 32;

/** Whether arrays and objects nest more than `limit` levels in `value`. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  // Iterative: a recursive walk would fail as structuredClone does.
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Validates a one-object body; the schema's defaults are filled into a copy,
 * so the caller's object is never changed.
 */
export function validateBody<T>(
  body: unknown,
  validate: ValidateFunction,
  prepare: Prepare<T>,
): T {
  if (nestsDeeperThan(body, MAX_BODY_DEPTH)) {
    fail([
      {
        index: null,
        field: '(body)',
        message: `nests arrays or objects more than ${MAX_BODY_DEPTH} levels deep`,
      },
    ]);
  }
  const copy = structuredClone(body);
  if (!validate(copy)) fail(issuesOf(validate.errors!, null));
  const issues: ValidationIssue[] = [];
  const value = prepare(copy, null, issues);
  if (issues.length > 0) fail(issues);
  return value;
}
