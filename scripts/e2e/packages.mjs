/**
 * Packs the seven publishable packages the way they are published: type
 * declarations (`yarn tsc` into dist-types), `backstage-cli package build`,
 * then `yarn pack` (whose prepack/postpack scripts let `backstage-cli package
 * prepack` point package.json at dist/ and restore it afterwards, and which
 * turns `workspace:^` into the version). Also reads what a tarball holds.
 *
 * Used by scripts/e2e/packing.mjs (what the tarballs point at) and
 * scripts/e2e/adopter.mjs (a fresh app installs them).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** The published packages, dependencies first. */
export const PACKAGE_DIRS = [
  'plugins/customer-reporting-common',
  'plugins/customer-reporting-node',
  'plugins/customer-reporting-backend',
  'plugins/customer-reporting-backend-module-replicated',
  'plugins/customer-reporting-backend-module-demo-data',
  'plugins/catalog-backend-module-customer-reporting',
  'plugins/customer-reporting',
];

function run(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Packs every package into outDir; returns [{dir, name, version, tarball}]. */
export function packPackages(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  console.log('[pack] yarn tsc (type declarations for the builds)');
  try {
    run('yarn', ['tsc'], REPO_ROOT);
  } catch {
    // tsc writes the declarations even when it reports errors; the type
    // check stage reports those, the builds below fail on missing ones.
    console.log('[pack] yarn tsc reported errors (see the type check stage)');
  }
  return PACKAGE_DIRS.map(dir => {
    const cwd = path.join(REPO_ROOT, dir);
    const { name, version } = JSON.parse(
      fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'),
    );
    const tarball = path.join(
      outDir,
      `${name.replace('@', '').replace('/', '-')}-${version}.tgz`,
    );
    console.log(`[pack] ${name}: backstage-cli package build, yarn pack`);
    run('yarn', ['backstage-cli', 'package', 'build'], cwd);
    run('yarn', ['pack', '--out', tarball], cwd);
    return { dir, name, version, tarball };
  });
}

const MANIFEST = 'packed.json';

/**
 * The tarballs packed into dir by an earlier step of the same run (npm
 * test's packing check), or packs them now.
 */
export function packedOrPack(dir) {
  const manifest = path.join(dir, MANIFEST);
  if (fs.existsSync(manifest))
    return JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const packed = packPackages(dir);
  fs.writeFileSync(manifest, JSON.stringify(packed, null, 2));
  return packed;
}

/** Unpacks a tarball into dir; returns the path of its `package` folder. */
export function unpack(tarball, dir) {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', dir]);
  return path.join(dir, 'package');
}
