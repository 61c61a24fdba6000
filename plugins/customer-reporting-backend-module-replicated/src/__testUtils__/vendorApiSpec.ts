import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
// Replicated's published Vendor API v3 specification (Swagger 2.0), as is.
import spec from '../../dev/vendor-api-v3.swagger.json';

type Schema = Record<string, any>;
const SPEC_ID = 'https://api.replicated.com/vendor/v3/swagger.json';

/**
 * Swagger 2.0 schemas are JSON Schema draft 4 plus a few keywords of their
 * own. Those are declared to Ajv as annotations (they constrain nothing):
 * the `x-` extensions, `example`, `readOnly` and `discriminator`.
 */
function annotationKeywords(): string[] {
  const keywords = new Set(['example', 'readOnly', 'discriminator']);
  JSON.stringify(spec, (key, value) => {
    if (key.startsWith('x-')) keywords.add(key);
    return value;
  });
  return [...keywords];
}

/**
 * The schema with every object that lists its properties closed to other
 * properties. The specification leaves `additionalProperties` open, but the
 * API answers with Go structs that have exactly the declared fields, so a
 * fixture key the specification does not declare (a misspelling, a guessed
 * name) must fail. `$ref`s are made absolute so any schema can use them.
 */
function closed(schema: unknown): any {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) {
      out.$ref = `${SPEC_ID}${value}`;
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Schema).map(([name, s]) => [name, closed(s)]),
      );
    } else {
      out[key] = closed(value);
    }
  }
  if (out.properties && !('additionalProperties' in out)) {
    out.additionalProperties = false;
  }
  return out;
}

function createAjv() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv, ['date-time']);
  // Swagger's numeric formats, checked for what they promise.
  const integer = (min: number, max: number) => ({
    type: 'number' as const,
    validate: (n: number) => Number.isInteger(n) && n >= min && n <= max,
  });
  ajv.addFormat('int32', integer(-(2 ** 31), 2 ** 31 - 1));
  ajv.addFormat(
    'int64',
    integer(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  );
  ajv.addFormat('uint8', integer(0, 255));
  ajv.addFormat('double', { type: 'number', validate: Number.isFinite });
  ajv.addVocabulary(annotationKeywords());
  ajv.addSchema({ id: SPEC_ID, definitions: closed(spec.definitions) });
  return ajv;
}

const ajv = createAjv();

/** Why `value` is not what the schema says, or undefined when it is. */
function check(schema: Schema, value: unknown): string | undefined {
  const validate = ajv.compile(schema);
  return validate(value)
    ? undefined
    : ajv.errorsText(validate.errors, { dataVar: 'answer' });
}

/** Checks a record against a definition (`Customer`, `InstallAttempt`, ...). */
export function definitionErrors(
  name: string,
  value: unknown,
): string | undefined {
  if (!(name in spec.definitions)) throw new Error(`No definition ${name}`);
  return check({ $ref: `${SPEC_ID}#/definitions/${name}` }, value);
}

type Operation = {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { $ref?: string }>;
};
const paths = spec.paths as unknown as Record<
  string,
  Record<string, Operation>
>;

/** The specification's path template (`/app/{app_id}/events`) a concrete path matches. */
export function pathTemplate(path: string): string | undefined {
  return Object.keys(paths).find(template =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}

/** The query parameters the specification declares for GET on a path template. */
export function queryParameters(template: string): string[] {
  return (paths[template]?.get?.parameters ?? [])
    .filter(p => p.in === 'query')
    .map(p => p.name);
}

/** Checks a 200 answer of GET on a concrete path against its response schema. */
export function answerErrors(path: string, body: unknown): string | undefined {
  const template = pathTemplate(path);
  const ref = template && paths[template].get?.responses['200']?.$ref;
  if (!ref)
    throw new Error(`No GET ${path} answering 200 in the specification`);
  const name = ref.replace('#/responses/', '');
  const response = (spec.responses as Record<string, { schema?: Schema }>)[
    name
  ];
  return check(closed(response.schema), body);
}
