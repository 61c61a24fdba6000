#!/usr/bin/env node
/*
 * End-to-end smoke test of the portal (`npm run test:e2e`, also run by
 * `npm test`).
 *
 * Starts its own portal with `yarn backstage-cli repo start` on ports that do
 * not clash with `npm start` (frontend 3100, backend 7107) and a fresh
 * temporary SQLite directory, waits until every backend plugin has started
 * and the frontend has compiled, then drives Debian's Chromium with
 * playwright-core: guest sign-in, the catalog, and the customer reporting
 * page with the demo customer "Acme Corp". Screenshots go to
 * test-results/e2e/, the portal's log to test-results/e2e/portal.log.
 *
 * Prints `e2e: N passed, N failed`; writes {passed, failed, skipped, tests}
 * as JSON to $E2E_RESULT_FILE when set. Exit code 0 only when nothing failed.
 *
 * Environment (all optional):
 *   E2E_FRONTEND_PORT (3100), E2E_BACKEND_PORT (7107)
 *   E2E_CHROMIUM            browser executable (/usr/bin/chromium)
 *   E2E_STARTUP_TIMEOUT_S   portal start incl. first frontend compile (900)
 *   E2E_TIMEOUT_S           whole run, hard limit (1500)
 *   E2E_KEEP_TMP=1          keep the temporary config/SQLite directory
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const FRONTEND_PORT = Number(process.env.E2E_FRONTEND_PORT || 3100);
const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT || 7107);
const FRONTEND_URL = `http://localhost:${FRONTEND_PORT}`;
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const STARTUP_TIMEOUT_MS =
  Number(process.env.E2E_STARTUP_TIMEOUT_S || 900) * 1000;
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_S || 1500) * 1000;
const DEMO_CUSTOMER = 'Acme Corp';

const BACKEND_READY = 'Plugin initialization complete';
// Lines the backend logs when a plugin or module fails to start. The dev
// backend keeps serving in that case, so only its log tells.
const BACKEND_FAILURES = [
  /threw an error during startup/,
  /reported failure for module/,
  /Backend failed to start/i,
  /EADDRINUSE/,
];

const TESTS = [
  'portal starts: all backend plugins initialised, frontend served',
  'guest sign-in opens the software catalog',
  `customer reporting page shows the demo customer "${DEMO_CUSTOMER}"`,
];

const started = Date.now();
const results = []; // { name, ok, skipped?, error?, ms }
let portal; // child process (leader of its own process group)
let portalLog = '';
let logStream;
let tmpDir;
let browser;
let finishing = false;

const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
const log = msg => console.log(`[e2e ${elapsed()}] ${msg}`);
const sleep = ms => new Promise(r => setTimeout(r, ms));

function tail(text, lines = 60) {
  return text.split('\n').slice(-lines).join('\n');
}

function record(name, ok, error, ms, skipped = false) {
  // First result wins (a signal or timeout may report a test as failed while
  // it is still running).
  if (results.some(r => r.name === name)) return;
  results.push({
    name,
    ok,
    skipped,
    error: error ? String(error) : undefined,
    ms,
  });
  if (skipped) console.log(`  - SKIP ${name}: ${error}`);
  else if (ok) console.log(`  ✓ PASS ${name} (${Math.round(ms / 1000)}s)`);
  else
    console.log(
      `  ✗ FAIL ${name}\n      ${String(error).split('\n').join('\n      ')}`,
    );
}

function portFree(port) {
  return new Promise(resolve => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}

async function fetchOk(url, timeoutMs = 30000) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { ok: res.ok, status: res.status, body };
  } catch (e) {
    return { ok: false, error: e };
  }
}

function startPortal() {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstage-e2e-'));
  const sqliteDir = path.join(tmpDir, 'sqlite');
  fs.mkdirSync(sqliteDir);
  const configFile = path.join(tmpDir, 'app-config.e2e.yaml');
  // JSON is valid YAML; loaded after app-config.yaml, so these keys win.
  fs.writeFileSync(
    configFile,
    JSON.stringify(
      {
        app: { baseUrl: FRONTEND_URL },
        backend: {
          baseUrl: BACKEND_URL,
          listen: { port: BACKEND_PORT },
          cors: { origin: FRONTEND_URL },
          database: { connection: { directory: sqliteDir } },
        },
      },
      null,
      2,
    ),
  );

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const logFile = path.join(OUT_DIR, 'portal.log');
  logStream = fs.createWriteStream(logFile);
  log(
    `starting the portal: frontend ${FRONTEND_URL}, backend ${BACKEND_URL}, SQLite in ${sqliteDir}`,
  );
  log(`portal log: ${path.relative(REPO_ROOT, logFile)}`);

  // `repo start --config` replaces the default config files, so list
  // app-config.yaml first, then the override. The backend process gets the
  // same --config arguments. toolchain.sh provides Node 22 and Yarn.
  const script =
    'source scripts/toolchain.sh >&2 && exec node "$REPO_ROOT"/.yarn/releases/yarn-*.cjs backstage-cli repo start "$@"';
  portal = spawn(
    'bash',
    [
      '-c',
      script,
      'bash',
      '--config',
      path.join(REPO_ROOT, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: REPO_ROOT,
      detached: true, // own process group, so all of it can be killed at once
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0', NO_COLOR: '1' },
    },
  );
  // The backend logs in colour whatever the environment says: strip it.
  const onData = chunk => {
    // eslint-disable-next-line no-control-regex
    const text = chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
    portalLog += text;
    if (portalLog.length > 4_000_000) portalLog = portalLog.slice(-2_000_000);
    logStream.write(text);
  };
  portal.stdout.on('data', onData);
  portal.stderr.on('data', onData);
  portal.exitInfo = null;
  portal.on('exit', (code, signal) => {
    portal.exitInfo = { code, signal };
  });
}

async function stopPortal() {
  if (!portal || portal.pid === undefined) return;
  const pgid = portal.pid;
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) {
    log('stopping the portal (process group)');
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {}
    for (let i = 0; i < 40 && alive(); i++) await sleep(250);
    if (alive()) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {}
      for (let i = 0; i < 20 && alive(); i++) await sleep(250);
    }
  }
  portal = undefined;
  logStream?.end();
}

async function waitForPortal() {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let backendReady = false;
  let frontendReady = false;
  let lastNote = 0;
  while (Date.now() < deadline) {
    if (portal.exitInfo) {
      throw new Error(
        `the portal process exited (${JSON.stringify(
          portal.exitInfo,
        )}) before it was ready; log tail:\n${tail(portalLog)}`,
      );
    }
    const failure = BACKEND_FAILURES.find(re => re.test(portalLog));
    if (failure) {
      await sleep(2000); // let the error's stack trace reach the log
      throw new Error(
        `a backend plugin failed to start (${failure}); log tail:\n${tail(
          portalLog,
          80,
        )}`,
      );
    }
    if (!backendReady && portalLog.includes(BACKEND_READY)) {
      backendReady = true;
      log('backend: plugin initialization complete');
    }
    if (backendReady && !frontendReady) {
      // The dev server holds requests until the bundle is compiled.
      const res = await fetchOk(`${FRONTEND_URL}/`, 120000);
      if (res.ok && /<div id="root"|<html/i.test(res.body)) {
        frontendReady = true;
        log('frontend: compiled and serving');
      }
    }
    if (backendReady && frontendReady) {
      // Fail here too if a plugin failed while the frontend compiled.
      const late = BACKEND_FAILURES.find(re => re.test(portalLog));
      if (late)
        throw new Error(
          `a backend plugin failed to start (${late}); log tail:\n${tail(
            portalLog,
            80,
          )}`,
        );
      return;
    }
    if (Date.now() - lastNote > 30000) {
      lastNote = Date.now();
      log(
        `waiting for the portal: backend ${
          backendReady ? 'ready' : 'starting'
        }, frontend ${frontendReady ? 'ready' : 'compiling'}`,
      );
    }
    await sleep(1000);
  }
  throw new Error(
    `the portal was not ready after ${STARTUP_TIMEOUT_MS / 1000}s (backend ${
      backendReady ? 'ready' : 'not ready'
    }, frontend ${frontendReady ? 'ready' : 'not ready'}); log tail:\n${tail(
      portalLog,
    )}`,
  );
}

async function screenshot(page, name) {
  const file = path.join(OUT_DIR, name);
  try {
    await page.screenshot({ path: file, fullPage: true });
    log(`screenshot: ${path.relative(REPO_ROOT, file)}`);
  } catch (e) {
    log(`could not save screenshot ${name}: ${e.message}`);
  }
}

async function runBrowserTests() {
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  const pageErrors = [];
  // Keep the first line of real errors; React's development warnings (with
  // long component stacks) are noise here.
  const short = text => String(text).split('\n')[0].slice(0, 300);
  page.on('pageerror', e => pageErrors.push(`pageerror: ${short(e.message)}`));
  page.on('console', m => {
    if (m.type() === 'error' && !/^Warning: /.test(m.text()))
      pageErrors.push(`console.error: ${short(m.text())}`);
  });
  const withErrors = e => {
    let msg = e.message;
    if (pageErrors.length)
      msg += `\n  browser errors:\n    ${pageErrors.slice(-8).join('\n    ')}`;
    if (portalLog.includes('Change detected, restarting')) {
      msg +=
        '\n  note: the dev backend restarted during the test because source files changed';
    }
    return msg;
  };

  // Two attempts per test: the dev backend restarts by itself when a source
  // file changes (as when someone edits the tree during the run), and
  // requests during its restart are refused. Before each attempt, wait until
  // a restarted backend has initialised its plugins again.
  async function attempts(fn) {
    for (let attempt = 1; ; attempt++) {
      await waitForBackendAfterRestart();
      try {
        return await fn();
      } catch (e) {
        if (attempt >= 2 || e.final) throw e;
        log(
          `attempt ${attempt} failed (${
            e.message.split('\n')[0]
          }); trying again`,
        );
        await sleep(5000);
      }
    }
  }

  // 2. guest sign-in + catalog
  let t0 = Date.now();
  let signedIn = false;
  try {
    await attempts(async () => {
      await page.goto(FRONTEND_URL, {
        waitUntil: 'domcontentloaded',
        timeout: 120000,
      });
      const enter = page.getByRole('button', { name: /^enter$/i });
      await enter.waitFor({ state: 'visible', timeout: 120000 });
      await enter.click();
      await page.waitForURL(/\/catalog/, { timeout: 60000 });
      // An example entity from examples/entities.yaml, listed once the
      // catalog has processed its locations.
      await page
        .getByText('example-website')
        .first()
        .waitFor({ state: 'visible', timeout: 120000 });
    });
    signedIn = true;
    await screenshot(page, 'catalog.png');
    record(TESTS[1], true, null, Date.now() - t0);
  } catch (e) {
    await screenshot(page, 'catalog.png');
    record(TESTS[1], false, withErrors(e), Date.now() - t0);
  }

  // 3. customer reporting page
  t0 = Date.now();
  try {
    if (!signedIn) throw new Error('not run: guest sign-in failed');
    await attempts(async () => {
      await page.goto(`${FRONTEND_URL}/customer-reporting`, {
        waitUntil: 'domcontentloaded',
        timeout: 120000,
      });
      // The app signs the guest in again by itself (SignInPage `auto`);
      // click "Enter" should the sign-in page show anyway.
      const enter = page.getByRole('button', { name: /^enter$/i });
      const customer = page.getByText(DEMO_CUSTOMER).first();
      const notFound = page.getByText(/ERROR 404/i).first();
      await enter
        .or(customer)
        .or(notFound)
        .first()
        .waitFor({ state: 'visible', timeout: 90000 });
      if (await enter.isVisible().catch(() => false)) {
        await enter.click();
        await customer
          .or(notFound)
          .first()
          .waitFor({ state: 'visible', timeout: 90000 });
      }
      if (await notFound.isVisible().catch(() => false)) {
        const e = new Error(
          '/customer-reporting shows the 404 page: the route is not in packages/app/src/App.tsx',
        );
        e.final = true;
        throw e;
      }
      await customer.waitFor({ state: 'visible', timeout: 30000 });
    });
    await screenshot(page, 'customer-reporting.png');
    record(TESTS[2], true, null, Date.now() - t0);
  } catch (e) {
    if (signedIn) await screenshot(page, 'customer-reporting.png');
    record(TESTS[2], false, withErrors(e), Date.now() - t0);
  }
}

// When the dev backend restarted (it watches its sources), waits until it has
// initialised its plugins again; fails on a plugin failure after the restart.
async function waitForBackendAfterRestart(timeoutMs = 300000) {
  const deadline = Date.now() + timeoutMs;
  let noted = false;
  while (Date.now() < deadline) {
    const restart = portalLog.lastIndexOf('Change detected, restarting');
    if (restart < 0) return;
    const after = portalLog.slice(restart);
    const failure = BACKEND_FAILURES.find(re => re.test(after));
    if (failure) {
      const e = new Error(
        `a backend plugin failed to start after a restart (${failure}); log tail:\n${tail(
          portalLog,
          60,
        )}`,
      );
      e.final = true;
      throw e;
    }
    if (after.includes(BACKEND_READY)) return;
    if (!noted) {
      noted = true;
      log(
        'the dev backend is restarting (source files changed); waiting for it',
      );
    }
    await sleep(1000);
  }
  throw new Error(
    `the restarted backend was not ready within ${timeoutMs / 1000}s`,
  );
}

function summarize() {
  const passed = results.filter(r => r.ok && !r.skipped).length;
  const skipped = results.filter(r => r.skipped).length;
  const failed = results.filter(r => !r.ok && !r.skipped).length;
  if (process.env.E2E_RESULT_FILE) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(process.env.E2E_RESULT_FILE)), {
        recursive: true,
      });
      fs.writeFileSync(
        process.env.E2E_RESULT_FILE,
        JSON.stringify(
          {
            passed,
            failed,
            skipped,
            seconds: Math.round((Date.now() - started) / 1000),
            tests: results,
          },
          null,
          2,
        ),
      );
    } catch (e) {
      console.error(
        `[e2e] could not write ${process.env.E2E_RESULT_FILE}: ${e.message}`,
      );
    }
  }
  console.log(
    `e2e: ${passed} passed, ${failed} failed${
      skipped ? `, ${skipped} skipped` : ''
    } (${elapsed()})`,
  );
  return failed;
}

async function finish(extraFailure) {
  if (finishing) return;
  finishing = true;
  if (extraFailure) {
    console.log(`[e2e] ${extraFailure}`);
    // Whatever has not reported yet failed.
    for (const name of TESTS) {
      if (!results.some(r => r.name === name))
        record(name, false, `not finished: ${extraFailure}`, 0);
    }
  }
  try {
    await browser?.close();
  } catch {}
  await stopPortal();
  if (tmpDir && !process.env.E2E_KEEP_TMP)
    fs.rmSync(tmpDir, { recursive: true, force: true });
  const failed = summarize();
  process.exit(failed > 0 ? 1 : 0);
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });

  if (!fs.existsSync(CHROMIUM)) {
    const msg = `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) to run the browser tests`;
    console.log(`[e2e] ${msg}`);
    // A developer without Chromium gets a skip; CI installs it, so there a
    // missing browser is a failure.
    for (const name of TESTS)
      record(name, false, 'no Chromium', 0, process.env.CI !== 'true');
    return finish();
  }

  for (const [what, port] of [
    ['frontend', FRONTEND_PORT],
    ['backend', BACKEND_PORT],
  ]) {
    if (!(await portFree(port))) {
      for (const name of TESTS) {
        record(
          name,
          false,
          `port ${port} for the e2e ${what} is in use (set E2E_${what.toUpperCase()}_PORT)`,
          0,
        );
      }
      return finish();
    }
  }

  // 1. the portal starts
  const t0 = Date.now();
  startPortal();
  try {
    await waitForPortal();
    record(TESTS[0], true, null, Date.now() - t0);
  } catch (e) {
    record(TESTS[0], false, e.message, Date.now() - t0);
    for (const name of TESTS.slice(1))
      record(name, false, 'not run: the portal did not start', 0);
    return finish();
  }

  await runBrowserTests();
  return finish();
}

process.on('SIGINT', () => finish('interrupted (SIGINT)'));
process.on('SIGTERM', () => finish('terminated (SIGTERM)'));
process.on('uncaughtException', e => finish(`uncaught error: ${e.stack || e}`));
process.on('unhandledRejection', e =>
  finish(`unhandled rejection: ${e?.stack || e}`),
);
setTimeout(
  () => finish(`timed out after ${TOTAL_TIMEOUT_MS / 1000}s`),
  TOTAL_TIMEOUT_MS,
).unref();

main().catch(e => finish(`error: ${e.stack || e}`));
