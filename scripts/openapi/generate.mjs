#!/usr/bin/env node
/**
 * `yarn generate:openapi [--check]`: everything generated from the plugin's
 * OpenAPI spec, in one place. With --check nothing is written; it fails when
 * a generated file differs from what the spec gives (CI and the -common test
 * run it), so the spec stays the one source of the contract.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import YAML from 'yaml';
import { generateClient } from './generateClient.mjs';
import { generateServer } from './generateServer.mjs';

export const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
export const SPEC_PATH = path.join(
  REPO_ROOT,
  'plugins/customer-reporting-backend/src/schema/openapi.yaml',
);
export const SERVER_DIR = path.join(
  REPO_ROOT,
  'plugins/customer-reporting-backend/src/schema/openapi/generated',
);
export const CLIENT_DIR = path.join(
  REPO_ROOT,
  'plugins/customer-reporting-common/src/generated',
);

/** `files` formatted the way the repo's prettier config says for `dir`. */
async function formatted(dir, files) {
  const options = await prettier.resolveConfig(path.join(dir, 'x.ts'));
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => [
      name,
      prettier.format(text, { ...options, parser: 'typescript' }),
    ]),
  );
}

/**
 * What is generated where: the backend's router and the client in -common,
 * each as `files(specText)` -> file name -> formatted text.
 */
export const TARGETS = [
  {
    dir: SERVER_DIR,
    files: specText =>
      formatted(SERVER_DIR, generateServer(YAML.parse(specText))),
  },
  {
    dir: CLIENT_DIR,
    files: specText =>
      formatted(
        CLIENT_DIR,
        generateClient(YAML.parse(specText), {
          pluginId: 'customer-reporting',
          className: 'CustomerReportingApiClient',
        }),
      ),
  },
];

function listFiles(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

/** Writes `files` into `dir`, removing generated files the spec no longer gives. */
export function writeFiles(dir, files) {
  for (const stale of listFiles(dir)) {
    if (!(stale in files)) fs.rmSync(path.join(dir, stale));
  }
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** Names of the files in `dir` that differ from `files` (missing, changed or extra). */
export function staleFiles(dir, files) {
  const present = listFiles(dir);
  const changed = Object.entries(files)
    .filter(([name, text]) => {
      const file = path.join(dir, name);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
    })
    .map(([name]) => name);
  return [...changed, ...present.filter(name => !(name in files))];
}

async function main() {
  const check = process.argv.includes('--check');
  const specText = fs.readFileSync(SPEC_PATH, 'utf8');
  for (const target of TARGETS) {
    const files = await target.files(specText);
    const relative = path.relative(REPO_ROOT, target.dir);
    if (!check) {
      writeFiles(target.dir, files);
      console.log(`Wrote ${Object.keys(files).length} files to ${relative}`);
      continue;
    }
    const stale = staleFiles(target.dir, files);
    if (stale.length) {
      console.error(
        `${relative} is out of date with the spec (run yarn generate:openapi):\n  ${stale.join(
          '\n  ',
        )}`,
      );
      process.exitCode = 1;
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
