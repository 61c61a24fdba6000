import fs from 'node:fs';
import path from 'node:path';
import { loadConfigSchema } from '@backstage/config-loader';
import { parseAllDocuments } from 'yaml';

/**
 * The package READMEs are what an adopter configures from: every
 * `customerReporting.*` key a README names (in text or in a YAML example)
 * must be declared in a config.d.ts, and every declared key must be in its
 * package's configuration table with the default config.d.ts gives.
 */

const PLUGINS = path.resolve(__dirname, '../../..');
const SCHEMA_PACKAGES = {
  'customer-reporting-backend': 'backend',
  'customer-reporting-backend-module-replicated': 'replicated',
  'catalog-backend-module-customer-reporting': 'catalog',
} as const;
const READMES = [
  'customer-reporting',
  'customer-reporting-backend',
  'customer-reporting-backend-module-replicated',
  'customer-reporting-backend-module-demo-data',
  'catalog-backend-module-customer-reporting',
  'customer-reporting-common',
  'customer-reporting-node',
];

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
};

/**
 * Declared keys, down to the ones an adopter sets: scalars, lists, maps and
 * schedules (whose inner shape is Backstage's).
 */
function declaredKeys(
  schema: JsonSchema,
  prefix: string,
  out: Map<string, JsonSchema>,
) {
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const key = `${prefix}.${name}`;
    if (child.properties && !child.properties.frequency)
      declaredKeys(child, key, out);
    else out.set(key, child);
  }
  return out;
}

async function schemaKeys() {
  const schema = await loadConfigSchema({
    dependencies: [],
    packagePaths: Object.keys(SCHEMA_PACKAGES).map(dir =>
      path.join(PLUGINS, dir, 'package.json'),
    ),
    excludePackageDependencies: true,
  });
  const byPackage = new Map<string, Map<string, JsonSchema>>();
  // serialize() is typed as plain JSON; this is its documented shape.
  const { schemas } = schema.serialize() as {
    schemas: Array<{ packageName: string; value: JsonSchema }>;
  };
  for (const { packageName, value } of schemas) {
    const dir = packageName.replace('@customer-reporting/plugin-', '');
    const root = value.properties?.customerReporting;
    byPackage.set(
      dir,
      declaredKeys(root ?? {}, 'customerReporting', new Map()),
    );
  }
  return byPackage;
}

/** Is `key` a declared key, a part of one, or inside one (map entry, schedule)? */
function isDeclared(key: string, declared: Map<string, JsonSchema>) {
  for (const known of declared.keys()) {
    if (key === known || known.startsWith(`${key}.`)) return true;
    if (key.startsWith(`${known}.`)) {
      const schema = declared.get(known)!;
      return Boolean(schema.additionalProperties || schema.properties);
    }
  }
  return false;
}

/** Keys named in the text and in YAML examples under `customerReporting`. */
function namedKeys(markdown: string): string[] {
  const keys = [
    ...markdown.matchAll(/customerReporting(\.[A-Za-z0-9]+)+/g),
  ].map(m => m[0]);
  const flatten = (value: unknown, prefix: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`);
    } else keys.push(prefix);
  };
  for (const [, block] of markdown.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
    for (const doc of parseAllDocuments(block)) {
      const value = doc.toJS() as { customerReporting?: unknown } | null;
      if (value?.customerReporting)
        flatten(value.customerReporting, 'customerReporting');
    }
  }
  return keys;
}

/** The rows of the README's configuration table: key → default cell. */
function configTable(markdown: string) {
  const rows = new Map<string, string>();
  for (const [, key, defaultCell] of markdown.matchAll(
    /^\|\s*`(customerReporting\.[^`]+)`\s*\|([^|]*)\|/gm,
  ))
    rows.set(key, defaultCell.trim());
  return rows;
}

/** Without spaces and quotes: a `{ days: 400 }` cell shows the default {"days":400}. */
const compact = (text: string) => text.replace(/[\s"]/g, '');

function readme(dir: string) {
  return fs.readFileSync(path.join(PLUGINS, dir, 'README.md'), 'utf8');
}

describe('configuration keys in the READMEs', () => {
  let byPackage: Map<string, Map<string, JsonSchema>>;
  beforeAll(async () => {
    byPackage = await schemaKeys();
  });

  it('names only keys that a config.d.ts declares', () => {
    const declared = new Map(
      [...byPackage.values()].flatMap(keys => [...keys]),
    );
    expect(declared.size).toBeGreaterThan(10);
    const undeclared = READMES.flatMap(dir =>
      namedKeys(readme(dir))
        .filter(key => !isDeclared(key, declared))
        .map(key => `${dir}/README.md: ${key}`),
    );
    expect(undeclared).toEqual([]);
  });

  it.each(Object.keys(SCHEMA_PACKAGES))(
    '%s/README.md has a row per declared key with its default',
    dir => {
      const table = configTable(readme(dir));
      const problems: string[] = [];
      for (const [key, schema] of byPackage.get(dir)!) {
        const cell = table.get(key);
        if (cell === undefined) problems.push(`${key}: no row`);
        else if (
          schema.default !== undefined &&
          !compact(cell).includes(
            typeof schema.default === 'string'
              ? compact(schema.default)
              : compact(JSON.stringify(schema.default)),
          )
        )
          problems.push(
            `${key}: default "${cell}", config.d.ts says ${JSON.stringify(
              schema.default,
            )}`,
          );
      }
      expect(problems).toEqual([]);
    },
  );

  it('catches a key that config.d.ts does not declare', () => {
    const declared = byPackage.get('customer-reporting-backend')!;
    expect(
      namedKeys(
        'Set `customerReporting.demoData.enabled`:\n```yaml\ncustomerReporting:\n  demo:\n    enabled: true\n    speed: 2\n```\n',
      ).filter(key => !isDeclared(key, declared)),
    ).toEqual([
      'customerReporting.demoData.enabled',
      'customerReporting.demo.speed',
    ]);
  });
});
