import fc from 'fast-check';
// Replicated's published Vendor API v3 specification (Swagger 2.0), as is.
import spec from '../../dev/vendor-api-v3.swagger.json';

type Schema = Record<string, any>;
const definitions = spec.definitions as Record<string, Schema>;

/** How one property of generated records is made, instead of from its schema alone. */
export interface PropertyOverride {
  /** Replaces the value its schema gives (an id from a small pool, say). */
  value?: fc.Arbitrary<unknown>;
  /** The property is left out of one record in this many (default 3). */
  absentOneIn?: number;
}

/**
 * Overrides keyed by `Owner.property`: the owner is the definition
 * (`Customer.id`) or, for an inline schema, the name it was given.
 */
export type PropertyOverrides = Record<string, PropertyOverride>;

/**
 * Levels of nesting generated: below, arrays and maps are empty and
 * objects bare. The specification's trees are deep (a support bundle's
 * customer's channels' releases' charts...) and the module reads only the
 * top levels; empty containers are valid wherever they are.
 */
const MAX_DEPTH = 4;

/**
 * Values the module reads by meaning although the specification types them
 * as plain strings (statuses, license and install types, event field
 * names, booleans and numbers as text): random text would never hit them.
 */
const VOCABULARY = [
  ...['ready', 'degraded', 'unavailable', 'updating', 'missing', 'unknown'],
  ...['prod', 'paid', 'trial', 'dev', 'community', 'test', 'other'],
  ...['helm', 'linux', 'embedded-cluster', 'embedded_cluster', 'kURL'],
  ...['online', 'proxy', 'airgap', 'air-gap', 'partial', 'offline'],
  ...['appStatus', 'versionLabel', 'channelId', 'kotsVersion', 'isKurl'],
  ...['k8sVersion', 'k8sDistribution', 'kurlNodeCountTotal'],
  ...['kurlNodeCountReady', 'cloudProvider', 'cloudProviderRegion'],
  ...['preflightCheckStatus', 'numberVersionsBehind', 'name'],
  ...['Existing', 'eks', 'true', 'false', '0', '-1', '3', '1e400', 'NaN'],
  ...['1.2.3', 'v2.0.0-beta.1', '2147483648'],
];

/** A word in one of the casings and paddings a real account may send. */
const oddlyCased = (word: string) =>
  fc.constantFrom(
    word,
    word.toUpperCase(),
    word.toLowerCase(),
    word.charAt(0).toUpperCase() + word.slice(1),
    ` ${word}\t`,
  );

/** Lengths around the limits of the ingest fields (50, 100, 255, 1,000, 2,048). */
const BOUNDARY_LENGTHS = [50, 51, 100, 101, 255, 256, 1000, 1001, 2048, 2049];

const longString = fc
  .tuple(
    fc.constantFrom('a', 'é', '🙂', ' ', 'x-'),
    fc.constantFrom(...BOUNDARY_LENGTHS),
  )
  .map(([unit, length]) => unit.repeat(length).slice(0, length));

const emailLike = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom(
    'Ops@Example.COM ',
    'a@b.c-',
    'no-at-sign',
    'two@@example.com',
    'ü@bücher.de',
    'x@y',
  ),
);

const urlLike = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('ftp://example.com', 'http://', 'HTTPS://EXAMPLE.com/a b'),
);

const DAY = 86_400_000;

/** An instant written as ISO 8601 with the given offset from UTC, in minutes. */
function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  if (offsetMinutes === 0) return local;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.slice(0, -1)}${sign}${hh}:${mm}`;
}

/**
 * Date-times a real account may send, mostly within the sync's reach of
 * `now` (the last 400 days, a little clock skew), else placeholders: Go's
 * zero time, the epoch, just before 1990, the far future.
 */
export function timeStrings(now: number): fc.Arbitrary<string> {
  const instant = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: now - 420 * DAY, max: now }) },
    { weight: 1, arbitrary: fc.integer({ min: now, max: now + DAY }) },
    { weight: 1, arbitrary: fc.constantFrom(now, now + 5 * 60_000 + 1) },
  );
  const written = fc
    .tuple(instant, fc.constantFrom(0, 0, 120, -300, 330))
    .map(([ms, offset]) => isoWithOffset(ms, offset));
  return fc.oneof(
    { weight: 9, arbitrary: written },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '0001-01-01T00:00:00Z',
        '1970-01-01T00:00:00Z',
        '1989-12-31T23:59:59Z',
        '9999-12-31T23:59:59Z',
      ),
    },
  );
}

/** Any text the specification allows where it says only `string`. */
export function plainStrings(now: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY).chain(oddlyCased) },
    // Printable ASCII, then any grapheme, then any code point (control
    // characters included).
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n', '\u2028') },
    { weight: 1, arbitrary: longString },
    { weight: 1, arbitrary: emailLike },
    { weight: 1, arbitrary: urlLike },
    { weight: 1, arbitrary: timeStrings(now) },
  );
}

/** Integers within what the format promises (int32; int64 as JavaScript holds it). */
function integers(format: string | undefined): fc.Arbitrary<number> {
  const max = format === 'int32' ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -3, max: 300 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), max, -max),
    },
  );
}

/**
 * fast-check arbitraries of values that the specification's schemas allow,
 * made by walking them: every declared property optional, no property it
 * does not declare, each of its declared type (strings plain or shaped,
 * date-times, integers within their format, booleans, short arrays, small
 * maps). `now` anchors the date-times; `overrides` link records by id.
 */
export function createSpecArbitraries(options: {
  now: number;
  overrides?: PropertyOverrides;
}) {
  const overrides = options.overrides ?? {};
  const strings = plainStrings(options.now);
  const times = timeStrings(options.now);

  function valueOf(
    schema: Schema,
    owner: string,
    depth: number,
  ): fc.Arbitrary<unknown> {
    if (schema.$ref) {
      const name = String(schema.$ref).replace('#/definitions/', '');
      return valueOf(definitions[name], name, depth);
    }
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'string':
        return schema.format === 'date-time' ? times : strings;
      case 'integer':
        return integers(schema.format);
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth >= MAX_DEPTH
          ? fc.constant([])
          : fc.array(valueOf(schema.items, owner, depth + 1), {
              maxLength: depth < 2 ? 3 : 1,
            });
      case 'object':
        return objectOf(schema, owner, depth);
      default:
        // `{}`: any value; a short string stands for them all.
        return fc.string({ maxLength: 8 });
    }
  }

  function objectOf(
    schema: Schema,
    owner: string,
    depth: number,
  ): fc.Arbitrary<unknown> {
    if (depth >= MAX_DEPTH) return fc.constant({});
    if (schema.properties) {
      const properties = Object.entries(schema.properties as Schema).map(
        ([name, property]) => {
          const override = overrides[`${owner}.${name}`] ?? {};
          const value =
            override.value ?? valueOf(property, `${owner}.${name}`, depth + 1);
          return fc
            .option(value, { freq: override.absentOneIn ?? 3, nil: undefined })
            .map(v => [name, v] as const);
        },
      );
      return fc
        .tuple(...properties)
        .map(pairs =>
          Object.fromEntries(pairs.filter(([, v]) => v !== undefined)),
        );
    }
    if (schema.additionalProperties) {
      return fc.dictionary(
        fc.string({ minLength: 1, maxLength: 6 }),
        valueOf(schema.additionalProperties, owner, depth + 1),
        { maxKeys: 2 },
      );
    }
    return fc.constant({});
  }

  return {
    /** Records of a definition (`Customer`, `InstallAttempt`, ...). */
    definition(name: string): fc.Arbitrary<Record<string, unknown>> {
      if (!(name in definitions)) throw new Error(`No definition ${name}`);
      return valueOf(definitions[name], name, 0) as fc.Arbitrary<
        Record<string, unknown>
      >;
    },
    /** Values of an inline schema, its properties overridden as `owner.property`. */
    schema(schema: Schema, owner: string): fc.Arbitrary<unknown> {
      return valueOf(schema, owner, 0);
    },
  };
}
