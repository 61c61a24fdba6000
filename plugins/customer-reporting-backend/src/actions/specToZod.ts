import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';

type RegisterOptions = Parameters<ActionsRegistryService['register']>[0];

/**
 * The zod instance the actions registry hands to `schema.input(z)` and
 * `schema.output(z)` (the zod/v3 API of the copy backend-plugin-api uses).
 * Its types are taken from the registry, so no zod copy of ours is involved.
 */
export type RegistryZod = Parameters<RegisterOptions['schema']['input']>[0];
/** Any schema of the registry's zod. */
export type RegistryZodType = Parameters<RegistryZod['array']>[0];
/** Any object schema of the registry's zod (what input and output must be). */
export type RegistryZodObject = ReturnType<RegisterOptions['schema']['input']>;

/** The part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) the spec uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | readonly string[];
  enum?: readonly unknown[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  description?: string;
  default?: unknown;
}

/** An OpenAPI document, as far as the converter reads it. */
export interface SpecDocument {
  components: { schemas: Readonly<Record<string, unknown>> };
}

/** Keywords that only annotate: they change nothing a schema accepts. */
const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples']);
const HANDLED = new Set([
  '$ref',
  'type',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'oneOf',
  'allOf',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
]);

/** The component a `#/components/schemas/<Name>` reference points to. */
export function resolveRef(doc: SpecDocument, ref: string): JsonSchema {
  const name = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
  const schema = name && doc.components.schemas[name];
  if (!schema) {
    throw new Error(`The spec has no schema ${ref}`);
  }
  return schema as JsonSchema;
}

/**
 * A zod schema of the registry's zod accepting what the JSON schema
 * accepts, for the constructs the spec uses; any other keyword (except
 * annotations and `x-` extensions) throws, so a spec growing a construct the
 * converter ignores fails at startup instead of being read loosely.
 * `additionalProperties: false` becomes a strict object: an action answer
 * with a key the spec does not declare is refused by the registry.
 */
export function specToZod(
  z: RegistryZod,
  doc: SpecDocument,
  schema: JsonSchema,
): RegistryZodType {
  for (const key of Object.keys(schema)) {
    if (!HANDLED.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-')) {
      throw new Error(`Unsupported JSON schema keyword '${key}'`);
    }
  }
  const converted = convert(z, doc, schema);
  return schema.description
    ? converted.describe(schema.description)
    : converted;
}

function convert(
  z: RegistryZod,
  doc: SpecDocument,
  schema: JsonSchema,
): RegistryZodType {
  if (schema.$ref) return specToZod(z, doc, resolveRef(doc, schema.$ref));
  if (schema.allOf) return specToZod(z, doc, mergeAllOf(doc, schema));
  if (schema.oneOf) {
    const [first, second, ...rest] = schema.oneOf.map(s =>
      specToZod(z, doc, s),
    );
    return second ? z.union([first, second, ...rest]) : first;
  }
  const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
  if (!types) {
    if (schema.enum) return literalUnion(z, schema.enum);
    return z.unknown(); // `{}`: any value
  }
  const nonNull = types.filter(t => t !== 'null');
  if (nonNull.length === 0) return z.null();
  if (nonNull.length > 1) {
    throw new Error(`Unsupported union of types ${nonNull.join(', ')}`);
  }
  const typed = convertTyped(z, doc, schema, nonNull[0]);
  return nonNull.length < types.length ? typed.nullable() : typed;
}

function convertTyped(
  z: RegistryZod,
  doc: SpecDocument,
  schema: JsonSchema,
  type: string,
): RegistryZodType {
  switch (type) {
    case 'string':
      return schema.enum ? literalUnion(z, schema.enum) : stringOf(z, schema);
    case 'integer':
    case 'number': {
      let number = type === 'integer' ? z.number().int() : z.number();
      if (schema.minimum !== undefined) number = number.min(schema.minimum);
      if (schema.maximum !== undefined) number = number.max(schema.maximum);
      return number;
    }
    case 'boolean':
      return z.boolean();
    case 'array':
      return z.array(specToZod(z, doc, schema.items ?? {}));
    case 'object':
      return objectOf(z, doc, schema);
    default:
      throw new Error(`Unsupported JSON schema type '${type}'`);
  }
}

function stringOf(z: RegistryZod, schema: JsonSchema): RegistryZodType {
  let string = z.string();
  if (schema.minLength !== undefined) string = string.min(schema.minLength);
  if (schema.maxLength !== undefined) string = string.max(schema.maxLength);
  if (schema.pattern !== undefined) {
    string = string.regex(new RegExp(schema.pattern, 'u'));
  }
  switch (schema.format) {
    case undefined:
      return string;
    case 'date-time':
      return string.datetime({ offset: true });
    case 'email':
      return string.email();
    case 'uri':
      return string.url();
    default:
      throw new Error(`Unsupported string format '${schema.format}'`);
  }
}

function literalUnion(z: RegistryZod, values: readonly unknown[]) {
  const literals = values.map(v => z.literal(v as string | number | boolean));
  const [first, second, ...rest] = literals;
  if (!first) throw new Error('An enum without values');
  return second ? z.union([first, second, ...rest]) : first;
}

function objectOf(z: RegistryZod, doc: SpecDocument, schema: JsonSchema) {
  const required = new Set(schema.required);
  const shape = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => {
      const value = specToZod(z, doc, property);
      return [name, required.has(name) ? value : value.optional()];
    }),
  );
  const object = z.object(shape);
  const extra = schema.additionalProperties;
  if (extra === false) return object.strict();
  if (extra === undefined || extra === true) return object.passthrough();
  if (Object.keys(shape).length > 0) {
    return object.catchall(specToZod(z, doc, extra));
  }
  return z.record(specToZod(z, doc, extra));
}

/**
 * `allOf` as the spec uses it: a referenced object plus sibling
 * `required`/`properties`, merged into one object schema (zod would check
 * each part strictly on its own and refuse the other's properties).
 */
function mergeAllOf(doc: SpecDocument, schema: JsonSchema): JsonSchema {
  const { allOf = [], ...own } = schema;
  return [own, ...allOf].reduce<JsonSchema>((merged, part) => {
    const resolved = part.$ref ? resolveRef(doc, part.$ref) : part;
    const { properties, required, ...rest } = resolved;
    return {
      ...merged,
      ...rest,
      properties: { ...merged.properties, ...properties },
      required: [...(merged.required ?? []), ...(required ?? [])],
    };
  }, {});
}
