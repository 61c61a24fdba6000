#!/usr/bin/env node
/**
 * Packs the seven publishable packages (scripts/e2e/packages.mjs) and checks
 * each tarball as npm would publish it:
 * - main, module, types, every target in exports, typesVersions and the
 *   config schema are files inside the tarball;
 * - no dependency keeps the `workspace:` protocol, and sibling packages are
 *   required at the version packed;
 * - every relative link and image of the README is a file inside the tarball
 *   (READMEs link to published pages, never to ../../docs).
 *
 * Prints `e2e packing: N passed, N failed`; writes {passed, failed, skipped,
 * tests} as JSON to $E2E_RESULT_FILE when set. PACK_DIR keeps the tarballs
 * with a manifest that scripts/e2e/adopter.mjs reuses (default: a temporary
 * folder, removed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packedOrPack, unpack } from './packages.mjs';
import { createResults } from './results.mjs';

/** Every string target of an exports/typesVersions value. */
function targets(value) {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targets);
  if (value && typeof value === 'object')
    return Object.entries(value)
      .filter(([key]) => key !== 'backstage') // a feature type, not a file
      .flatMap(([, v]) => targets(v));
  return [];
}

/** Relative link and image targets of a markdown text. */
export function relativeLinks(markdown) {
  const links = [];
  const re = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
  for (const [, target] of markdown.matchAll(re)) {
    if (/^([a-z][a-z0-9+.-]*:|#)/i.test(target)) continue; // URL or anchor
    links.push(target.split('#')[0]);
  }
  const refRe = /^\s*\[[^\]]+\]:\s*(\S+)/gm;
  for (const [, target] of markdown.matchAll(refRe)) {
    if (!/^([a-z][a-z0-9+.-]*:|#)/i.test(target))
      links.push(target.split('#')[0]);
  }
  return links;
}

export function checkPackage(pkgDir, versions) {
  const problems = [];
  const pkg = JSON.parse(
    fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'),
  );
  const inside = (field, target) => {
    const file = path.resolve(pkgDir, target);
    if (!file.startsWith(pkgDir + path.sep) || !fs.existsSync(file))
      problems.push(`${field} → ${target} is not in the tarball`);
  };
  if (pkg.private) problems.push('private: true');
  for (const field of ['main', 'module', 'types', 'browser']) {
    if (pkg[field] !== undefined) inside(field, pkg[field]);
  }
  if (!pkg.main) problems.push('no main');
  if (!pkg.types) problems.push('no types');
  for (const [mount, value] of Object.entries(pkg.exports ?? {})) {
    const files = targets(value);
    if (files.length === 0) problems.push(`exports["${mount}"] has no file`);
    for (const t of files) inside(`exports["${mount}"]`, t);
  }
  for (const [entry, value] of Object.entries(pkg.typesVersions?.['*'] ?? {}))
    for (const t of targets(value)) inside(`typesVersions["${entry}"]`, t);
  if (pkg.configSchema) inside('configSchema', pkg.configSchema);
  for (const deps of ['dependencies', 'peerDependencies']) {
    for (const [dep, range] of Object.entries(pkg[deps] ?? {})) {
      if (range.startsWith('workspace:'))
        problems.push(`${deps}.${dep} is still ${range}`);
      if (versions.has(dep) && !range.includes(versions.get(dep)))
        problems.push(
          `${deps}.${dep} is ${range}, not the packed ${versions.get(dep)}`,
        );
    }
  }
  const readme = path.join(pkgDir, 'README.md');
  if (!fs.existsSync(readme)) problems.push('no README.md');
  else
    for (const link of relativeLinks(fs.readFileSync(readme, 'utf8')))
      inside('README link', link);
  return { pkg, problems };
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-packing-'));
  const packDir = process.env.PACK_DIR ?? path.join(work, 'packs');
  const { record, summarize } = createResults('e2e packing');
  try {
    // Always packs anew; the manifest lets the adopter test reuse them.
    fs.rmSync(packDir, { recursive: true, force: true });
    const packed = packedOrPack(packDir);
    const versions = new Map(packed.map(p => [p.name, p.version]));
    for (const { name, tarball } of packed) {
      const dir = unpack(tarball, path.join(work, path.basename(tarball)));
      const { pkg, problems } = checkPackage(dir, versions);
      const entries = Object.keys(pkg.exports ?? { '.': pkg.main });
      console.log(
        `${problems.length ? 'FAIL' : 'ok  '} ${name}@${pkg.version} ` +
          `(${path.basename(tarball)}; main ${pkg.main}, module ${
            pkg.module ?? '-'
          }, types ${pkg.types}, exports ${entries.join(' ')})`,
      );
      for (const p of problems) console.log(`       ${p}`);
      record(`packed ${name}`, problems.length === 0, problems.join('\n'));
    }
  } catch (error) {
    console.error(error);
    record('pack', false, error);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.exit(summarize() > 0 ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
