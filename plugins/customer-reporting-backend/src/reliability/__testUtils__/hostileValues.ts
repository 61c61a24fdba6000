import fc from 'fast-check';
import { IngestRouteCase } from './ingestRouteCases';

/**
 * Values none of the ingest fields accept (boolean fields are left out of
 * those lists, as `true` is a wrong value for every other field): wrong
 * types, empty or overlong strings, dates that are not dates. (Strings with
 * SQL or HTML are valid text: hostileValidText.test.ts checks that they are
 * stored verbatim.)
 */
const HAND_WRITTEN = [
  null,
  true,
  12.5,
  -1,
  1e308,
  '',
  ' ',
  'x'.repeat(5000),
  [],
  [1, 2],
  {},
  { $gt: '' },
  '😀'.repeat(600),
  { __proto__: { polluted: true } },
];

/** Wrong for fields holding objects or arrays (tags, features, ...). */
const notAContainer = fc.oneof(
  fc.constantFrom(null, true, 12.5, -1, '', 'text', '😀'),
  fc.integer(),
  fc.string(),
);

/** Wrong for fields holding a scalar. */
const wrongValue = fc.oneof(
  fc.constantFrom(...HAND_WRITTEN),
  fc.integer({ min: -1e9, max: -1 }),
  fc.boolean(),
  fc.array(fc.anything(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1 }), fc.anything(), {
    minKeys: 1,
    maxKeys: 3,
  }),
);

export function deepNesting(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

/**
 * 200 payloads for one route (seeded): one field of a valid item replaced by
 * a wrong value, a container replaced by a scalar, an unknown or dangerous
 * key added, or no object at all.
 */
export function hostilePayloads(route: IngestRouteCase): unknown[] {
  return fc.sample(
    fc.oneof(
      fc
        .record({
          field: fc.constantFrom(...route.fields),
          value: wrongValue,
        })
        .map(({ field, value }) => ({
          ...route.valid(),
          [field]: value,
        })),
      fc
        .record({
          field: fc.constantFrom(...route.containers, ...route.fields),
          value: notAContainer,
        })
        .filter(
          ({ field, value }) =>
            (route.containers as string[]).includes(field) ||
            typeof value !== 'string' ||
            value === '',
        )
        .map(({ field, value }) => ({
          ...route.valid(),
          [field]: value,
        })),
      fc
        .record({
          key: fc.constantFrom(
            '__proto__',
            'constructor',
            'bogus',
            '$where',
            '',
          ),
          value: fc.anything(),
        })
        .map(({ key, value }) =>
          JSON.parse(
            JSON.stringify({ ...route.valid() }).replace(
              /^\{/,
              `{${JSON.stringify(key)}:${JSON.stringify(value ?? null)},`,
            ),
          ),
        ),
      fc
        .anything()
        .filter(v => typeof v !== 'object' || v === null || Array.isArray(v)),
    ),
    { numRuns: 200, seed: 42 },
  );
}
