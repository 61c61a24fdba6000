#!/usr/bin/env node
/*
 * End-to-end smoke test of the portal (`npm run test:e2e`, also run by
 * `npm test`).
 *
 * Starts its own portal with `yarn backstage-cli repo start` on ports that do
 * not clash with `npm start` (frontend 3100, backend 7107) and a fresh
 * temporary SQLite directory, waits until every backend plugin has started
 * and the frontend has compiled, then drives Debian's Chromium with
 * playwright-core at 1280×800: guest sign-in, the catalog, then the customer
 * reporting pages with the demo fleet: the customer list, the report of
 * "Acme Corp" (clicked in the list) and its first instance (clicked in the
 * report) with the uptime range switched to 90 days, then the install
 * attempt audit (scripts/e2e/installAttempts.mjs). On each of these pages
 * the test fails when the browser logs an error or the page is wider than
 * the window. Screenshots go to test-results/e2e/ (full page) and, for the
 * three reporting pages, to docs/images/ (the 1280×800 window, used by the
 * plugin's README); the portal's log to test-results/e2e/portal.log.
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
import {
  INSTALL_ATTEMPTS_TEST,
  runInstallAttemptsFlow,
} from './e2e/installAttempts.mjs';
import {
  CUSTOMER_ACTION_TESTS,
  runCustomerActionTests,
} from './e2e/customerActions.mjs';
import { CATALOG_TESTS, runCatalogTests } from './e2e/catalog.mjs';
import { RENDERING_TESTS, runRenderingTests } from './e2e/rendering.mjs';
import { ADOPTION_TESTS, runAdoptionTests } from './e2e/adoption.mjs';
import { ALERTS_TESTS, runAlertsTests } from './e2e/alerts.mjs';
import { LAYOUT_TESTS, runLayoutTests } from './e2e/layout.mjs';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const DOCS_IMAGES_DIR = path.join(REPO_ROOT, 'docs', 'images');
const VIEWPORT = { width: 1280, height: 800 };
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
  `clicking "${DEMO_CUSTOMER}" opens its report with cards and instances`,
  'clicking the first instance opens its details; uptime switches to 90 days',
  INSTALL_ATTEMPTS_TEST,
  ...CUSTOMER_ACTION_TESTS,
  ...CATALOG_TESTS,
  ...RENDERING_TESTS,
  ...ADOPTION_TESTS,
  ...ALERTS_TESTS,
  ...LAYOUT_TESTS,
];

// Errors the browser logs that do not come from the pages under test: React
// development warnings about Backstage's own dependencies (MUI v4
// transitions call findDOMNode; material-table uses defaultProps). Anything
// else logged as an error on the reporting pages fails the test.
const ALLOWED_BROWSER_ERRORS = [
  /^console\.error: Warning: findDOMNode is deprecated/,
  /^console\.error: Warning: .*Support for defaultProps will be removed/,
];
const isAllowedBrowserError = text =>
  ALLOWED_BROWSER_ERRORS.some(re => re.test(text));

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
  // app-config.yaml and the demo values (guest sign-in, demo fleet, token,
  // signing key) first, then the override. The backend process gets the
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
      path.join(REPO_ROOT, 'app-config.demo.yaml'),
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
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  // Every error the browser logs, in order; the reporting tests check the
  // ones logged while their page was open. Only the first line is kept:
  // React's development messages carry long component stacks.
  const browserErrors = [];
  const short = text => String(text).split('\n')[0].slice(0, 300);
  page.on('pageerror', e =>
    browserErrors.push(`pageerror: ${short(e.message)}`),
  );
  page.on('console', m => {
    if (m.type() === 'error')
      browserErrors.push(`console.error: ${short(m.text())}`);
  });
  const withErrors = e => {
    let msg = e.message;
    const shown = browserErrors.filter(t => !isAllowedBrowserError(t));
    if (shown.length)
      msg += `\n  browser errors:\n    ${shown.slice(-8).join('\n    ')}`;
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
        return await fn(attempt);
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

  // 3. customer reporting page: the customer list
  t0 = Date.now();
  let listShown = false;
  try {
    if (!signedIn) throw new Error('not run: guest sign-in failed');
    await attempts(async () => {
      const errorsBefore = browserErrors.length;
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
      await page
        .getByText(/^Showing \d+ of \d+$/)
        .waitFor({ state: 'visible', timeout: 30000 });
      await checkReportingPage(page, browserErrors, errorsBefore, 'list');
    });
    listShown = true;
    await reportingScreenshots(page, 'customers.png');
    record(TESTS[2], true, null, Date.now() - t0);
  } catch (e) {
    if (signedIn) await screenshot(page, 'customers.png');
    record(TESTS[2], false, withErrors(e), Date.now() - t0);
  }

  // 4. a customer's report, opened from the list
  t0 = Date.now();
  let reportUrl;
  try {
    if (!listShown) throw new Error('not run: the customer list failed');
    await attempts(async attempt => {
      const errorsBefore = browserErrors.length;
      if (attempt > 1) await gotoAndWait(page, '/customer-reporting');
      await page
        .getByRole('link', { name: DEMO_CUSTOMER, exact: true })
        .click({ timeout: 30000 });
      await page.waitForURL(/\/customer-reporting\/customers\/[^/?#]+$/, {
        timeout: 30000,
      });
      await page
        .getByRole('heading', { name: DEMO_CUSTOMER, exact: true })
        .waitFor({ state: 'visible', timeout: 60000 });
      // No "Install attempts": Acme Corp is on the Download Portal.
      for (const card of ['Manage customer', 'Time to install', 'Instances']) {
        await page
          .getByText(card, { exact: true })
          .first()
          .waitFor({ state: 'visible', timeout: 60000 });
      }
      // The demo fleet gives Acme Corp ready instances and a time to install.
      await page
        .getByText(/^\d+ active · \d+ air gap · \d+ inactive$/)
        .waitFor({ state: 'visible', timeout: 60000 });
      await page
        .locator('table[aria-label="Instances"] tbody tr')
        .first()
        .waitFor({ state: 'visible', timeout: 60000 });
      await page
        .getByText('License time to install')
        .waitFor({ state: 'visible', timeout: 30000 });
      await checkReportingPage(page, browserErrors, errorsBefore, 'report');
      reportUrl = page.url();
    });
    await reportingScreenshots(page, 'customer-report.png');
    record(TESTS[3], true, null, Date.now() - t0);
  } catch (e) {
    if (listShown) await screenshot(page, 'customer-report.png');
    record(TESTS[3], false, withErrors(e), Date.now() - t0);
  }

  // 5. the first instance of the report, with the uptime range switched
  t0 = Date.now();
  try {
    if (!reportUrl) throw new Error('not run: the customer report failed');
    await attempts(async attempt => {
      const errorsBefore = browserErrors.length;
      if (attempt > 1) await gotoAndWait(page, new URL(reportUrl).pathname);
      const firstRow = page
        .locator('table[aria-label="Instances"] tbody tr')
        .first();
      await firstRow.waitFor({ state: 'visible', timeout: 60000 });
      const name = (await firstRow.locator('a').first().textContent()).trim();
      // The cloud cell, not the name link: the whole row opens the instance.
      await firstRow.locator('td').nth(5).click({ timeout: 30000 });
      await page.waitForURL(/\/customer-reporting\/instances\/[^/?#]+$/, {
        timeout: 30000,
      });
      await page
        .getByRole('heading', { name, exact: true })
        .waitFor({ state: 'visible', timeout: 60000 });
      for (const card of ['Current state', 'Insights', 'Information']) {
        await page
          .getByText(card, { exact: true })
          .first()
          .waitFor({ state: 'visible', timeout: 60000 });
      }
      await page
        .getByText('over the last 2 weeks')
        .waitFor({ state: 'visible', timeout: 60000 });
      const ninetyDays = page.getByRole('button', { name: '90 days' });
      await ninetyDays.click({ timeout: 30000 });
      await page
        .getByText('over the last 90 days')
        .waitFor({ state: 'visible', timeout: 60000 });
      if ((await ninetyDays.getAttribute('aria-pressed')) !== 'true')
        throw new Error('the "90 days" range button is not shown as selected');
      await page
        .getByRole('group', { name: /^Uptime in \d+ periods$/ })
        .waitFor({ state: 'visible', timeout: 30000 });
      await page
        .getByRole('table', { name: 'Activity' })
        .or(page.getByText('No events yet'))
        .first()
        .waitFor({ state: 'visible', timeout: 60000 });
      await checkReportingPage(page, browserErrors, errorsBefore, 'instance');
    });
    await reportingScreenshots(page, 'instance-details.png');
    record(TESTS[4], true, null, Date.now() - t0);
  } catch (e) {
    if (reportUrl) await screenshot(page, 'instance-details.png');
    record(TESTS[4], false, withErrors(e), Date.now() - t0);
  }

  // 6. the install attempt audit (scripts/e2e/installAttempts.mjs)
  t0 = Date.now();
  try {
    if (!signedIn) throw new Error('not run: guest sign-in failed');
    await attempts(attempt =>
      runInstallAttemptsFlow(
        {
          page,
          browserErrors,
          log,
          outDir: OUT_DIR,
          gotoAndWait,
          checkReportingPage,
          reportingScreenshots,
        },
        attempt,
      ),
    );
    record(INSTALL_ATTEMPTS_TEST, true, null, Date.now() - t0);
  } catch (e) {
    if (signedIn) await screenshot(page, 'install-attempts.png');
    record(INSTALL_ATTEMPTS_TEST, false, withErrors(e), Date.now() - t0);
  }

  // 7. customer actions on the demo customer's report
  // (scripts/e2e/customerActions.mjs)
  await runCustomerActionTests({
    page,
    context,
    reportUrl,
    frontendUrl: FRONTEND_URL,
    record,
    attempts,
    withErrors,
    docsScreenshot: reportingScreenshots,
  });

  // 8. customers in the catalog (scripts/e2e/catalog.mjs)
  await runCatalogTests({
    page,
    reportUrl,
    customerName: DEMO_CUSTOMER,
    frontendUrl: FRONTEND_URL,
    record,
    withErrors,
    docsScreenshot: reportingScreenshots,
  });

  // 9. every page at three window sizes: words, axe (scripts/e2e/layout.mjs)
  await runLayoutTests({
    page,
    signedIn,
    frontendUrl: FRONTEND_URL,
    customerName: DEMO_CUSTOMER,
    outDir: OUT_DIR,
    docsImagesDir: DOCS_IMAGES_DIR,
    record,
    withErrors,
  });

  // 10. data shows as text (scripts/e2e/rendering.mjs)
  await runRenderingTests({
    page,
    frontendUrl: FRONTEND_URL,
    backendUrl: BACKEND_URL,
    record,
    withErrors,
  });

  // 11. the Adoption tab shows a hand-made fleet's shares (scripts/e2e/adoption.mjs)
  await runAdoptionTests({
    page,
    frontendUrl: FRONTEND_URL,
    backendUrl: BACKEND_URL,
    record,
    withErrors,
  });

  // 12. a rule made on the Alerts tab notifies the guest (scripts/e2e/alerts.mjs)
  await runAlertsTests({
    page,
    frontendUrl: FRONTEND_URL,
    backendUrl: BACKEND_URL,
    record,
    withErrors,
  });
}

/** Opens a path of the portal and waits until its first paint is done. */
async function gotoAndWait(page, pathname) {
  await page.goto(`${FRONTEND_URL}${pathname}`, {
    waitUntil: 'domcontentloaded',
    timeout: 120000,
  });
  await page.waitForLoadState('load', { timeout: 120000 });
}

/**
 * Checks a customer reporting page once its data is shown: nothing is still
 * loading, the browser logged no error since `errorsBefore` (apart from
 * ALLOWED_BROWSER_ERRORS), and the page is not wider than the window.
 */
async function checkReportingPage(page, browserErrors, errorsBefore, what) {
  await page.waitForFunction(
    () => !document.querySelector('[role="progressbar"]'),
    null,
    { timeout: 60000 },
  );
  const errors = browserErrors
    .slice(errorsBefore)
    .filter(text => !isAllowedBrowserError(text));
  if (errors.length) {
    throw new Error(
      `the ${what} page logged browser errors:\n    ${errors.join('\n    ')}`,
    );
  }
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) {
    throw new Error(
      `the ${what} page overflows horizontally at ${VIEWPORT.width}×${VIEWPORT.height}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`,
    );
  }
}

/**
 * The window as a user sees it (exactly 1280×800) for the README in
 * docs/images/, and the full page in test-results/e2e/.
 */
async function reportingScreenshots(page, name) {
  // Away from the sidebar (it expands on hover) and from anything with a
  // tooltip, so neither ends up in the picture.
  await page.mouse.move(VIEWPORT.width - 40, 20);
  await sleep(500);
  const file = path.join(DOCS_IMAGES_DIR, name);
  try {
    fs.mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
    await page.screenshot({ path: file });
    log(`screenshot: ${path.relative(REPO_ROOT, file)}`);
  } catch (e) {
    log(`could not save screenshot ${file}: ${e.message}`);
  }
  // Backstage pages scroll inside their <main> (100vh high), so a full-page
  // screenshot would stop at the window: let it grow for this one picture.
  const grown = await page
    .evaluate(() => {
      const main = document.querySelector('[data-backstage-core-page]');
      if (!main) return false;
      main.dataset.e2eStyle = main.getAttribute('style') ?? '';
      main.style.height = 'auto';
      main.style.overflow = 'visible';
      return true;
    })
    .catch(() => false);
  await screenshot(page, name);
  if (grown) {
    await page
      .evaluate(() => {
        const main = document.querySelector('[data-backstage-core-page]');
        main.setAttribute('style', main.dataset.e2eStyle);
        delete main.dataset.e2eStyle;
      })
      .catch(() => {});
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
