import { ErrorObject } from 'ajv/dist/2020';
import { DATE_TIME_MESSAGE, dateTimeProblem } from './dateTime';
import { ValidationIssue } from './validate';

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'must be an email address',
  uri: 'must be a URL',
};

/** Summaries of errors reported on their own (the branch's or then's errors). */
const SUMMARY_KEYWORDS = new Set(['if', 'oneOf', 'anyOf', 'propertyNames']);

function article(type: string) {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, any>;
  // A rule of the spec that says in its own words what is wrong.
  const own = error.parentSchema?.['x-error-message'];
  if (typeof own === 'string') return own;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(params.type)
        .split(',')
        .filter(t => t !== 'null')
        .map(article)
        .join(' or ')}`;
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'minLength':
      return params.limit === 1
        ? 'must not be empty'
        : `must be at least ${params.limit} characters`;
    case 'maxLength':
      return `must be at most ${params.limit} characters`;
    case 'minimum':
      return params.limit === 0
        ? 'must not be negative'
        : `must be at least ${params.limit}`;
    case 'maximum':
      return `must be at most ${params.limit}`;
    case 'minItems':
      return `must hold at least ${params.limit} item${
        params.limit === 1 ? '' : 's'
      }`;
    case 'maxItems':
      return `must hold at most ${params.limit} items`;
    case 'maxProperties':
      return `must hold at most ${params.limit} entries`;
    case 'enum':
      return `must be one of ${params.allowedValues.join(', ')}`;
    case 'const':
      return `must be ${params.allowedValue}`;
    case 'pattern':
      return (
        error.parentSchema?.['x-pattern-message'] ??
        `must match ${params.pattern}`
      );
    case 'format':
      if (params.format === 'date-time')
        return dateTimeProblem(String(error.data)) ?? DATE_TIME_MESSAGE;
      return FORMAT_MESSAGES[params.format] ?? `must be ${params.format}`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** 'channels/0/name' from the JSON pointer '/channels/0/name'. */
function fieldOf(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Ajv's errors for one item as `{index, field, message}`: one issue per
 * field (the first error found for it), fields named with dots.
 */
export function issuesOf(
  errors: ErrorObject[],
  index: number | null,
): ValidationIssue[] {
  const byField = new Map<string, ValidationIssue>();
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    const path = fieldOf(error.instancePath);
    const params = error.params as Record<string, string>;
    let message = messageOf(error);
    if (error.keyword === 'required') path.push(params.missingProperty);
    if (error.keyword === 'additionalProperties')
      path.push(params.additionalProperty);
    if (error.propertyName !== undefined) {
      path.push(error.propertyName);
      message = `as a key ${message}`;
    }
    const field = path.join('.') || '(body)';
    if (!byField.has(field)) byField.set(field, { index, field, message });
  }
  return [...byField.values()];
}
