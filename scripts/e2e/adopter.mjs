#!/usr/bin/env node
/**
 * Adopter test: installs the packed packages into a freshly scaffolded
 * Backstage app by following the package READMEs, and uses the result.
 *
 * 1. packs the seven packages (scripts/e2e/packages.mjs);
 * 2. scaffolds an app with @backstage/create-app at the version of the root
 *    package.json's resolutions (our Backstage release; the default, new
 *    frontend system template) and pins every @backstage/* package to that
 *    release the same way; our package names resolve to the tarballs;
 * 3. does what the READMEs in the tarballs say, taken from their code blocks
 *    marked `<!-- adopter-test: ... -->`:
 *    - `run`: shell commands, each `add <our package>` given its tarball;
 *    - `packages/backend/src/index.ts`: lines added before backend.start();
 *    - `app-config`: configuration the app loads;
 *    - `catalog-info`: an entity added to the app's examples/entities.yaml;
 *    a wrong README step therefore fails here;
 * 4. type-checks the app (yarn tsc), starts it (frontend on 8000, backend on
 *    8007, or ADOPTER_PORTS=<frontend>,<backend>) and drives Chromium
 *    through the customer list, a customer report and the Customers card of
 *    the component the README annotates.
 *
 * Prints what it installed and which pages it opened, and the duration of
 * each step. Writes {passed, failed, skipped, tests} to $E2E_RESULT_FILE.
 *
 * Environment: E2E_CHROMIUM (default /usr/bin/chromium); ADOPTER_WORK=<dir>
 * keeps the work folder (and reuses an app already installed there);
 * PACK_DIR=<dir> reuses the tarballs scripts/e2e/packing.mjs packed there.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browseAdopterApp } from './adopterBrowse.mjs';
import { packedOrPack, REPO_ROOT, unpack } from './packages.mjs';
import { startRepo, stopRepo, waitForRepo } from './repoStart.mjs';
import { createResults } from './results.mjs';

// ADOPTER_PORTS=<frontend>,<backend> when 8000 and 8007 are taken.
const [FRONTEND_PORT, BACKEND_PORT] = (process.env.ADOPTER_PORTS ?? '8000,8007')
  .split(',')
  .map(Number);
const FRONTEND_URL = `http://localhost:${FRONTEND_PORT}`;
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
/** READMEs whose marked steps the adopter follows, in this order. */
const READMES = [
  '@customer-reporting/plugin-customer-reporting-backend',
  '@customer-reporting/plugin-catalog-backend-module-customer-reporting',
  '@customer-reporting/plugin-customer-reporting-backend-module-demo-data',
  '@customer-reporting/plugin-customer-reporting',
];

const keep = Boolean(process.env.ADOPTER_WORK);
const work = process.env.ADOPTER_WORK
  ? path.resolve(process.env.ADOPTER_WORK)
  : fs.mkdtempSync(path.join(os.tmpdir(), 'cr-adopter-'));
fs.mkdirSync(work, { recursive: true });
const appDir = path.join(work, 'app');
const { record, summarize } = createResults('e2e adopter');
const timings = [];
let portal;

function log(message) {
  console.log(`[adopter] ${message}`);
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    const value = await fn();
    timings.push([name, Date.now() - t0]);
    return value;
  } catch (error) {
    timings.push([`${name} (failed)`, Date.now() - t0]);
    throw error;
  }
}

function sh(command, cwd = appDir, env = {}) {
  log(`$ ${command}`);
  execFileSync(
    'bash',
    ['-c', `source "${REPO_ROOT}/scripts/toolchain.sh" >&2 && ${command}`],
    {
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
      // The fresh app has no lockfile of ours yet, and Yarn makes installs
      // immutable by default when CI=true (as .ci/run sets it): the app's
      // own installs and `yarn add` must be allowed to write its lockfile.
      env: { ...process.env, YARN_ENABLE_IMMUTABLE_INSTALLS: 'false', ...env },
    },
  );
}

/** Code blocks of a README that are marked for this test, in order. */
export function markedBlocks(markdown) {
  const re =
    /<!--\s*adopter-test:\s*(\S+)\s*-->\s*\n+```[a-z]*\n([\s\S]*?)```/g;
  return [...markdown.matchAll(re)].map(([, target, code]) => ({
    target,
    code,
  }));
}

/** The backstage resolutions of this repository: our Backstage release. */
function backstagePins() {
  const { resolutions } = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
  );
  return Object.fromEntries(
    Object.entries(resolutions).filter(([name]) =>
      name.startsWith('@backstage/'),
    ),
  );
}

function scaffold(tarballs) {
  const pins = backstagePins();
  const createApp = pins['@backstage/create-app'];
  const npx = fs.realpathSync(
    execFileSync('bash', ['-c', 'command -v npx'], { encoding: 'utf8' }).trim(),
  );
  sh(
    `node "${npx}" --yes @backstage/create-app@${createApp} --skip-install --path "${appDir}"`,
    work,
    { BACKSTAGE_APP_NAME: 'adopter' },
  );
  const pkgFile = path.join(appDir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  pkg.resolutions = {
    ...pkg.resolutions,
    ...pins,
    // Unpublished: every range of our packages resolves to its tarball.
    ...Object.fromEntries(
      [...tarballs].map(([name, file]) => [name, `file:${file}`]),
    ),
  };
  fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  log(
    `scaffolded with @backstage/create-app@${createApp}; ${
      Object.keys(pins).length
    } @backstage/* packages pinned to the repository's release`,
  );
  sh('yarn install');
}

function followReadme(name, readme, tarballs) {
  const blocks = markedBlocks(readme);
  if (blocks.length === 0) throw new Error(`${name}: no marked README steps`);
  for (const { target, code } of blocks) {
    log(`${name} README step: ${target}`);
    if (target === 'run') {
      for (const line of code.split('\n')) {
        const command = line.replace(/#.*$/, '').trim();
        if (!command) continue;
        // The package names as published; here their tarballs.
        sh(
          command.replace(
            /(\badd\s+(?:-\S+\s+)*)(@customer-reporting\/[a-z-]+)\b/g,
            (_, add, pkg) => {
              if (!tarballs.has(pkg)) throw new Error(`unknown package ${pkg}`);
              return `${add}${pkg}@file:${tarballs.get(pkg)}`;
            },
          ),
        );
      }
    } else if (target === 'packages/backend/src/index.ts') {
      const file = path.join(appDir, target);
      const source = fs.readFileSync(file, 'utf8');
      if (!source.includes('backend.start();'))
        throw new Error(`${target} has no backend.start()`);
      fs.writeFileSync(
        file,
        source.replace('backend.start();', `${code}\nbackend.start();`),
      );
    } else if (target === 'app-config') {
      fs.appendFileSync(path.join(work, 'app-config.readme.yaml'), `${code}\n`);
    } else if (target === 'catalog-info') {
      fs.appendFileSync(
        path.join(appDir, 'examples/entities.yaml'),
        `---\n${code}`,
      );
    } else {
      throw new Error(`${name}: unknown README step target "${target}"`);
    }
  }
}

/** What the app's packages.json files say they installed of ours. */
function installed() {
  const lines = [];
  for (const ws of ['packages/app', 'packages/backend']) {
    const { dependencies } = JSON.parse(
      fs.readFileSync(path.join(appDir, ws, 'package.json'), 'utf8'),
    );
    for (const dep of Object.keys(dependencies).filter(d =>
      d.startsWith('@customer-reporting/'),
    )) {
      const { version } = JSON.parse(
        fs.readFileSync(
          path.join(appDir, 'node_modules', dep, 'package.json'),
          'utf8',
        ),
      );
      lines.push(`${ws}: ${dep}@${version} (${dependencies[dep]})`);
    }
  }
  const transitive = fs
    .readdirSync(path.join(appDir, 'node_modules/@customer-reporting'))
    .map(d => `@customer-reporting/${d}`);
  lines.push(`node_modules/@customer-reporting: ${transitive.join(', ')}`);
  return lines;
}

async function startApp() {
  const config = path.join(work, 'app-config.ports.yaml');
  fs.writeFileSync(
    config,
    [
      'app:',
      `  baseUrl: ${FRONTEND_URL}`,
      'backend:',
      `  baseUrl: ${BACKEND_URL}`,
      '  listen:',
      `    port: ${BACKEND_PORT}`,
      '  cors:',
      `    origin: ${FRONTEND_URL}`,
      '',
    ].join('\n'),
  );
  const logFile = path.join(work, 'app.log');
  portal = startRepo({
    cwd: appDir,
    configs: [
      path.join(appDir, 'app-config.yaml'),
      path.join(work, 'app-config.readme.yaml'),
      config,
    ],
    logFile,
  });
  log(`app log: ${logFile}`);
  await waitForRepo(portal, { timeoutMs: 8 * 60_000 });
  return () => portal.log;
}

async function main() {
  let failure;
  try {
    const packDir = process.env.PACK_DIR ?? path.join(work, 'packs');
    const packed = await step('pack', () => packedOrPack(packDir));
    const tarballs = new Map(packed.map(p => [p.name, p.tarball]));
    const readmes = new Map(
      packed.map(p => [
        p.name,
        fs.readFileSync(
          path.join(
            unpack(p.tarball, path.join(work, 'readmes', p.name)),
            'README.md',
          ),
          'utf8',
        ),
      ]),
    );
    if (!fs.existsSync(path.join(appDir, 'node_modules/.yarn-state.yml')))
      await step('scaffold and install a fresh app', () => scaffold(tarballs));
    else {
      log(`reusing the installed app in ${appDir}`);
      sh(
        'git checkout -- packages/backend/src/index.ts examples/entities.yaml',
      );
    }
    await step('follow the READMEs', () => {
      fs.rmSync(path.join(work, 'app-config.readme.yaml'), { force: true });
      for (const name of READMES)
        followReadme(name, readmes.get(name), tarballs);
    });
    record('the README steps install and wire the packages', true);
    log('installed:');
    for (const line of installed()) log(`  ${line}`);
    await step('type check (yarn tsc)', () => sh('yarn tsc'));
    record('the app type-checks', true);
    const appOutput = await step('start the app', startApp);
    record('the app starts', true);
    await step('browse', () =>
      browseAdopterApp({ frontendUrl: FRONTEND_URL, appOutput, record, log }),
    );
  } catch (error) {
    failure = error;
    console.error(error);
    record('adopter test', false, error);
  } finally {
    await stopRepo(portal);
    if (!keep) fs.rmSync(work, { recursive: true, force: true });
  }
  for (const [name, ms] of timings) log(`${name}: ${Math.round(ms / 1000)} s`);
  const failed = summarize();
  process.exit(failure || failed > 0 ? 1 : 0);
}

main();
