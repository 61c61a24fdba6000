import { registryZod } from '../__testUtils__/registryZod';
import { JsonSchema, RegistryZod, SpecDocument, specToZod } from './specToZod';

const doc: SpecDocument = {
  components: {
    schemas: {
      Status: { type: 'string', enum: ['ready', 'degraded'] },
      Item: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: { id: { type: 'string' }, note: { type: 'string' } },
      },
    },
  },
};

describe('specToZod', () => {
  let z: RegistryZod;
  const accepts = (schema: JsonSchema, value: unknown) =>
    specToZod(z, doc, schema).safeParse(value).success;

  beforeAll(async () => {
    z = await registryZod();
  });

  it('objects: required members, optional ones, closed or open', () => {
    const closed: JsonSchema = {
      type: 'object',
      required: ['id'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, count: { type: 'integer' } },
    };
    expect(accepts(closed, { id: 'a' })).toBe(true);
    expect(accepts(closed, { id: 'a', count: 2 })).toBe(true);
    expect(accepts(closed, { count: 2 })).toBe(false);
    expect(accepts(closed, { id: 'a', extra: 1 })).toBe(false);
    const open = { ...closed, additionalProperties: undefined };
    expect(specToZod(z, doc, open).parse({ id: 'a', extra: 1 })).toEqual({
      id: 'a',
      extra: 1,
    });
    const map: JsonSchema = {
      type: 'object',
      additionalProperties: { type: 'string' },
    };
    expect(accepts(map, { a: 'x', b: 'y' })).toBe(true);
    expect(accepts(map, { a: 1 })).toBe(false);
  });

  it('strings: enum, pattern, lengths and formats', () => {
    expect(accepts({ type: 'string', enum: ['a', 'b'] }, 'b')).toBe(true);
    expect(accepts({ type: 'string', enum: ['a', 'b'] }, 'c')).toBe(false);
    const slug: JsonSchema = { type: 'string', pattern: '^[a-z]+$' };
    expect(accepts(slug, 'abc')).toBe(true);
    expect(accepts(slug, 'aBc')).toBe(false);
    const sized: JsonSchema = { type: 'string', minLength: 2, maxLength: 3 };
    expect(['a', 'ab', 'abcd'].map(v => accepts(sized, v))).toEqual([
      false,
      true,
      false,
    ]);
    const time: JsonSchema = { type: 'string', format: 'date-time' };
    expect(accepts(time, '2026-11-29T02:00:00.000Z')).toBe(true);
    expect(accepts(time, '2026-11-29T02:00:00+01:00')).toBe(true);
    expect(accepts(time, 'yesterday')).toBe(false);
    expect(accepts({ type: 'string', format: 'email' }, 'a@b.io')).toBe(true);
    expect(accepts({ type: 'string', format: 'email' }, 'a-b.io')).toBe(false);
    expect(accepts({ type: 'string', format: 'uri' }, 'https://x.io')).toBe(
      true,
    );
    expect(accepts({ type: 'string', format: 'uri' }, 'x.io')).toBe(false);
  });

  it('numbers: integer or not, minimum and maximum; booleans', () => {
    const limit: JsonSchema = { type: 'integer', minimum: 1, maximum: 500 };
    expect([0, 1, 500, 501, 2.5].map(v => accepts(limit, v))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(accepts({ type: 'number' }, 0.25)).toBe(true);
    expect(accepts({ type: 'number' }, '1')).toBe(false);
    expect(accepts({ type: 'boolean' }, false)).toBe(true);
    expect(accepts({ type: 'boolean' }, 'false')).toBe(false);
  });

  it('arrays of items, nullable types and oneOf with null', () => {
    const list: JsonSchema = { type: 'array', items: { type: 'integer' } };
    expect(accepts(list, [1, 2])).toBe(true);
    expect(accepts(list, [1, 'x'])).toBe(false);
    const nullable: JsonSchema = { type: ['string', 'null'] };
    expect(accepts(nullable, null)).toBe(true);
    expect(accepts(nullable, 'x')).toBe(true);
    expect(accepts({ type: 'string' }, null)).toBe(false);
    const status: JsonSchema = {
      oneOf: [{ $ref: '#/components/schemas/Status' }, { type: 'null' }],
    };
    expect([null, 'ready', 'gone'].map(v => accepts(status, v))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('$ref to components, allOf merged, {} as any value', () => {
    const item: JsonSchema = { $ref: '#/components/schemas/Item' };
    expect(accepts(item, { id: 'a' })).toBe(true);
    expect(accepts(item, { id: 'a', other: 1 })).toBe(false);
    const withNote: JsonSchema = {
      allOf: [{ $ref: '#/components/schemas/Item' }, { required: ['note'] }],
    };
    expect(accepts(withNote, { id: 'a', note: 'n' })).toBe(true);
    expect(accepts(withNote, { id: 'a' })).toBe(false);
    // A referenced enum with a sibling default, as parameters wrap it.
    const sort: JsonSchema = {
      allOf: [{ $ref: '#/components/schemas/Status' }],
      default: 'ready',
    };
    expect(accepts(sort, 'degraded')).toBe(true);
    expect(accepts(sort, 'gone')).toBe(false);
    expect(accepts({}, { anything: [1] })).toBe(true);
    expect(accepts({}, null)).toBe(true);
  });

  it('keeps descriptions for the AI client', () => {
    const schema = specToZod(z, doc, {
      type: 'string',
      description: 'The CRM key',
    });
    expect(schema.description).toBe('The CRM key');
  });

  it('refuses what it cannot express instead of reading it loosely', () => {
    expect(() =>
      specToZod(z, doc, { $ref: '#/components/schemas/No' }),
    ).toThrow('The spec has no schema #/components/schemas/No');
    expect(() =>
      specToZod(z, doc, { type: 'string', not: {} } as JsonSchema),
    ).toThrow("Unsupported JSON schema keyword 'not'");
    expect(() => specToZod(z, doc, { type: 'string', format: 'ipv4' })).toThrow(
      "Unsupported string format 'ipv4'",
    );
    expect(() => specToZod(z, doc, { type: ['string', 'integer'] })).toThrow(
      'Unsupported union of types string, integer',
    );
  });
});
