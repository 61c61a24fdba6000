/**
 * JSON Schema (OpenAPI 3.1, and 3.0's `nullable`) to TypeScript type text,
 * for the subset the customer-reporting spec uses: $ref, const, enum, type
 * (also as a list), nullable, allOf/oneOf/anyOf, objects with properties and
 * additionalProperties, arrays. Formatting is left to prettier.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Globals a model must not shadow; openapi-generator prefixes them too. */
const RESERVED = new Set(['Error', 'Response', 'Request', 'Date', 'Object']);

/** The TypeScript name of a component schema. */
export function modelName(name) {
  return RESERVED.has(name) ? `Model${name}` : name;
}

/** The model a `#/components/schemas/X` reference points at. */
export function refName(ref) {
  const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!match) throw new Error(`Unsupported $ref ${ref}`);
  return modelName(match[1]);
}

/** A JSDoc block from a schema's description (and default), or ''. */
export function docComment(schema) {
  const lines = [];
  if (schema?.description) lines.push(...schema.description.trim().split('\n'));
  if (schema?.default !== undefined) {
    lines.push(`Defaults to \`${JSON.stringify(schema.default)}\`.`);
  }
  if (!lines.length) return '';
  const body = lines.map(line => ` * ${line.replace(/\*\//g, '*\\/')}`);
  return `/**\n${body.join('\n')}\n */\n`;
}

function union(types) {
  const unique = [...new Set(types)];
  return unique.length === 1 ? unique[0] : unique.map(wrap).join(' | ');
}

/** Parenthesises unions and intersections used as members of another. */
function wrap(type) {
  return /[|&]/.test(type) && !/^[{(]/.test(type) ? `(${type})` : type;
}

/**
 * The TypeScript type of a schema. `uses` collects the component names the
 * type refers to, so the caller can import them.
 */
export function schemaToTs(schema, uses = new Set()) {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema === false) return 'never';
  const type = baseType(schema, uses);
  return schema.nullable === true ? union([type, 'null']) : type;
}

function baseType(schema, uses) {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    uses.add(name);
    return name;
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) {
    return union(schema.enum.map(value => JSON.stringify(value)));
  }
  if (schema.allOf) {
    // A part that only lists `required` makes the other parts' optional
    // properties required.
    const onlyRequired = part =>
      Object.keys(part).every(
        key => key === 'required' || key === 'description',
      );
    const types = schema.allOf
      .filter(part => !onlyRequired(part))
      .map(part => wrap(schemaToTs(part, uses)));
    const base = types.join(' & ');
    const keys = schema.allOf.filter(onlyRequired).flatMap(p => p.required);
    if (!keys.length) return base;
    const picked = keys.map(key => JSON.stringify(key)).join(' | ');
    return `${wrap(base)} & Required<Pick<${wrap(base)}, ${picked}>>`;
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    return union(alternatives.map(part => schemaToTs(part, uses)));
  }
  if (Array.isArray(schema.type)) {
    return union(
      schema.type.map(one => baseType({ ...schema, type: one }, uses)),
    );
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `Array<${schemaToTs(schema.items, uses)}>`;
    case 'object':
      return objectType(schema, uses);
    default:
      return schema.properties ? objectType(schema, uses) : 'unknown';
  }
}

/** `{ a: T; b?: U }`, with an index signature for additionalProperties. */
export function objectType(schema, uses) {
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(
    ([name, property]) => {
      const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
      // A property with a default is always there once the server applied
      // it (openapi-typescript's defaultNonNullable does the same).
      const present = required.has(name) || property?.default !== undefined;
      const optional = present ? '' : '?';
      return `${docComment(property)}${key}${optional}: ${schemaToTs(
        property,
        uses,
      )};`;
    },
  );
  const extra = schema.additionalProperties;
  const hasProperties = members.length > 0;
  if (extra && typeof extra === 'object') {
    const index = `{ [key: string]: ${schemaToTs(extra, uses)} }`;
    return hasProperties ? `{\n${members.join('\n')}\n} & ${index}` : index;
  }
  if (!hasProperties) return '{ [key: string]: unknown }';
  return `{\n${members.join('\n')}\n}`;
}
