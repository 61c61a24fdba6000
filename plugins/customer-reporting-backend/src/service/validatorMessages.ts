import { spec } from '../schema/openapi/generated/router';

/**
 * Every `pattern` of the spec that has an `x-pattern-message`, with it. The
 * ingest's own validation uses these messages (ingest/ajvIssues.ts);
 * Backstage's request validation, which checks the other routes, prints
 * the regular expression instead.
 */
function collectPatternMessages(
  node: unknown,
  found = new Map<string, string>(),
): Map<string, string> {
  if (Array.isArray(node)) {
    for (const item of node) collectPatternMessages(item, found);
  } else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    const { pattern, 'x-pattern-message': message } = schema;
    if (typeof pattern === 'string' && typeof message === 'string')
      found.set(pattern, message);
    for (const value of Object.values(schema))
      collectPatternMessages(value, found);
  }
  return found;
}

const PATTERN_MESSAGES = collectPatternMessages(spec);

/**
 * A request validation message with each `must match pattern "<regex>"`
 * the spec words itself replaced by those words, e.g.
 * `request/query/search must not contain control characters`.
 */
export function readableValidatorMessage(message: string): string {
  let readable = message;
  for (const [pattern, words] of PATTERN_MESSAGES)
    readable = readable.split(`must match pattern "${pattern}"`).join(words);
  return readable;
}
