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
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchChromium } from './e2e/chromium.mjs';
import { createPageChecks } from './e2e/pageChecks.mjs';
import { startRepo, stopRepo, waitForRepo } from './e2e/repoStart.mjs';
import {
  DEMO_CUSTOMER,
  REPORTING_PAGE_TESTS,
  runReportingPageTests,
} from './e2e/reportingPages.mjs';
import { createResults } from './e2e/results.mjs';
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
import { ARCHIVING_TESTS, runArchivingTests } from './e2e/archiving.mjs';
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
const STARTUP_TIMEOUT_MS =
  Number(process.env.E2E_STARTUP_TIMEOUT_S || 900) * 1000;
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_S || 1500) * 1000;

const PORTAL_STARTS =
  'portal starts: all backend plugins initialised, frontend served';
const TESTS = [
  PORTAL_STARTS,
  ...REPORTING_PAGE_TESTS,
  INSTALL_ATTEMPTS_TEST,
  ...CUSTOMER_ACTION_TESTS,
  ...CATALOG_TESTS,
  ...RENDERING_TESTS,
  ...ARCHIVING_TESTS,
  ...ADOPTION_TESTS,
  ...ALERTS_TESTS,
  ...LAYOUT_TESTS,
];

const started = Date.now();
const { record, failUnfinished, summarize } = createResults('e2e');
let portal;
let tmpDir;
let browser;
let finishing = false;

const log = msg =>
  console.log(`[e2e ${Math.round((Date.now() - started) / 1000)}s] ${msg}`);

function portFree(port) {
  return new Promise(resolve => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}

/** The portal on the e2e ports with a fresh SQLite directory. */
function startPortal() {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstage-e2e-'));
  const sqliteDir = path.join(tmpDir, 'sqlite');
  fs.mkdirSync(sqliteDir);
  const configFile = path.join(tmpDir, 'app-config.e2e.yaml');
  // JSON is valid YAML; loaded last, so these keys win.
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      app: { baseUrl: FRONTEND_URL },
      backend: {
        baseUrl: BACKEND_URL,
        listen: { port: BACKEND_PORT },
        cors: { origin: FRONTEND_URL },
        database: { connection: { directory: sqliteDir } },
      },
    }),
  );
  const logFile = path.join(OUT_DIR, 'portal.log');
  log(
    `starting the portal: frontend ${FRONTEND_URL}, backend ${BACKEND_URL}, SQLite in ${sqliteDir}`,
  );
  log(`portal log: ${path.relative(REPO_ROOT, logFile)}`);
  // app-config.yaml and the demo values (guest sign-in, demo fleet, token,
  // signing key), as `npm start` loads them, then the override.
  portal = startRepo({
    cwd: REPO_ROOT,
    configs: [
      path.join(REPO_ROOT, 'app-config.yaml'),
      path.join(REPO_ROOT, 'app-config.demo.yaml'),
      configFile,
    ],
    logFile,
  });
}

async function runBrowserTests() {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const checks = createPageChecks({
    page,
    portal,
    frontendUrl: FRONTEND_URL,
    viewport: VIEWPORT,
    outDir: OUT_DIR,
    docsImagesDir: DOCS_IMAGES_DIR,
    log,
  });
  const { withErrors, attempts } = checks;
  const common = { page, frontendUrl: FRONTEND_URL, record, withErrors };

  // Sign-in, the list, a report, an instance (scripts/e2e/reportingPages.mjs)
  const { signedIn, reportUrl } = await runReportingPageTests({
    page,
    frontendUrl: FRONTEND_URL,
    checks,
    record,
  });

  // The install attempt audit (scripts/e2e/installAttempts.mjs)
  const t0 = Date.now();
  try {
    if (!signedIn) throw new Error('not run: guest sign-in failed');
    await attempts(attempt =>
      runInstallAttemptsFlow(
        {
          page,
          browserErrors: checks.browserErrors,
          log,
          outDir: OUT_DIR,
          gotoAndWait: checks.gotoAndWait,
          checkReportingPage: checks.checkReportingPage,
          reportingScreenshots: checks.reportingScreenshots,
        },
        attempt,
      ),
    );
    record(INSTALL_ATTEMPTS_TEST, true, null, Date.now() - t0);
  } catch (e) {
    if (signedIn) await checks.screenshot(page, 'install-attempts.png');
    record(INSTALL_ATTEMPTS_TEST, false, withErrors(e), Date.now() - t0);
  }

  // Customer actions on the demo customer's report
  await runCustomerActionTests({
    ...common,
    context,
    reportUrl,
    attempts,
    docsScreenshot: checks.reportingScreenshots,
  });
  // Customers in the catalog
  await runCatalogTests({
    ...common,
    reportUrl,
    customerName: DEMO_CUSTOMER,
    docsScreenshot: checks.reportingScreenshots,
  });
  // Every page at three window sizes: words, axe
  await runLayoutTests({
    ...common,
    signedIn,
    customerName: DEMO_CUSTOMER,
    outDir: OUT_DIR,
    docsImagesDir: DOCS_IMAGES_DIR,
  });
  // Data shows as text; a hand-made fleet's adoption; an alert rule notifies
  for (const run of [
    runRenderingTests,
    runArchivingTests,
    runAdoptionTests,
    runAlertsTests,
  ])
    await run({ ...common, backendUrl: BACKEND_URL });
}

async function finish(extraFailure) {
  if (finishing) return;
  finishing = true;
  if (extraFailure) {
    console.log(`[e2e] ${extraFailure}`);
    failUnfinished(TESTS, `not finished: ${extraFailure}`);
  }
  try {
    await browser?.close();
  } catch {
    // already closed
  }
  if (portal) log('stopping the portal (process group)');
  await stopRepo(portal);
  if (tmpDir && !process.env.E2E_KEEP_TMP)
    fs.rmSync(tmpDir, { recursive: true, force: true });
  process.exit(summarize() > 0 ? 1 : 0);
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  if (!fs.existsSync(CHROMIUM)) {
    console.log(
      `[e2e] Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) to run the browser tests`,
    );
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
      failUnfinished(
        TESTS,
        `port ${port} for the e2e ${what} is in use (set E2E_${what.toUpperCase()}_PORT)`,
      );
      return finish();
    }
  }

  const t0 = Date.now();
  startPortal();
  try {
    await waitForRepo(portal, {
      frontendUrl: FRONTEND_URL,
      timeoutMs: STARTUP_TIMEOUT_MS,
      note: log,
    });
    record(PORTAL_STARTS, true, null, Date.now() - t0);
  } catch (e) {
    record(PORTAL_STARTS, false, e.message, Date.now() - t0);
    failUnfinished(TESTS, 'not run: the portal did not start');
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
