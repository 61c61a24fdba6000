import { JsonSchema, resolveRef } from '../actions/specToZod';
import { DATE_TIME_MESSAGE, urlPlusHint } from '../ingest/dateTime';
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

const DATE_TIME_FORMAT = / must match format "date-time"$/;

/**
 * `request/query/asOf must match format "date-time"` in the words the
 * routes that check times themselves use, and for a query value whose `+`
 * became a space, how to send it.
 */
export function readableTimeFormat(
  message: string,
  query: Record<string, unknown>,
): string {
  return message
    .split(', ')
    .map(part => {
      const [path] = part.split(DATE_TIME_FORMAT);
      if (path === part) return part;
      const value = path.startsWith('request/query/')
        ? query[path.slice('request/query/'.length)]
        : undefined;
      const hint = typeof value === 'string' ? urlPlusHint(value) : '';
      return `${path} ${DATE_TIME_MESSAGE}${hint}`;
    })
    .join(', ');
}

/** A schema of the spec, its `$ref` to a component resolved. */
const resolved = (schema: JsonSchema | undefined) =>
  schema?.$ref ? resolveRef(spec, schema.$ref) : schema;

const ADDITIONAL = / must NOT have additional properties/;

/**
 * Backstage's request validation says `request/body/filters must NOT have
 * additional properties` without naming them (it keeps the validator's
 * message only). Given the operation the validator matched (`req.openapi`)
 * and the body, each such message becomes `request/body/filters/apps is
 * not a known field`, one per unknown field; a message it cannot resolve
 * stays as it was.
 */
export function namedUnknownFields(
  message: string,
  operation: { requestBody?: unknown } | undefined,
  body: unknown,
): string {
  const root = resolved(
    (operation?.requestBody as any)?.content?.['application/json']?.schema,
  );
  return message
    .split(', ')
    .map(part => {
      const [path] = part.split(ADDITIONAL);
      if (path === part || !root || !path.startsWith('request/body'))
        return part;
      let schema: JsonSchema | undefined = root;
      let value: any = body;
      for (const segment of path.split('/').slice(2)) {
        schema = resolved(
          /^\d+$/.test(segment) ? schema?.items : schema?.properties?.[segment],
        );
        value = value?.[segment];
      }
      const known = schema?.properties;
      if (!known || !value || typeof value !== 'object') return part;
      const unknown = Object.keys(value).filter(key => !(key in known));
      return unknown.length > 0
        ? unknown.map(key => `${path}/${key} is not a known field`).join(', ')
        : part;
    })
    .join(', ');
}
