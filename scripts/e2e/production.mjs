#!/usr/bin/env node
/*
 * End-to-end check of the production build (run by `npm test`'s e2e stage
 * after the development smoke tests; alone: `node scripts/e2e/production.mjs`).
 *
 * Builds the production image folder the way packages/backend/Dockerfile
 * does (scripts/prod-build.sh: host build, skeleton, `yarn workspaces focus
 * --all --production`, bundle) and starts it as the container would
 * (scripts/prod-start.sh: NODE_ENV=production, app-config.yaml +
 * app-config.production.yaml, a throwaway PostgreSQL 15, a fresh signing key
 * and a random ingest token from the environment).
 *
 * What it covers, and what not: production has no sign-in provider of its
 * own (an identity provider is configured per deployment, docs/deploy.md),
 * so there is no signed-in browser walk here; the development smoke test
 * does that. Here: the backend starts with every plugin initialised on
 * PostgreSQL; app-backend serves the built frontend, which boots in Chromium
 * to its sign-in page; reads without credentials and with the development
 * token are refused; there is no guest sign-in; the ingest token from the
 * environment ingests, and the rows land in PostgreSQL; no demo data is
 * loaded; and the same build refuses to start with the demo signing key.
 *
 * Prints `[e2e] production build on PostgreSQL 15: N passed, N failed`;
 * writes {passed, failed, skipped, tests} as JSON to $E2E_RESULT_FILE when
 * set. The server's log goes to test-results/e2e/production.log.
 *
 * Environment (all optional): E2E_PROD_PORT (7350), E2E_PROD_PG_PORT (7351),
 * E2E_PROD_REFUSED_PORT (7352), E2E_CHROMIUM (/usr/bin/chromium),
 * E2E_STARTUP_TIMEOUT_S (300), E2E_KEEP_TMP=1 keeps the image folder.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { CHROMIUM } from './chromium.mjs';
import { startInGroup, stopGroup } from './processGroup.mjs';
import {
  checkFrontendServed,
  checkSignInPage,
  expectStatus,
  ingestSmokeCustomer,
} from './productionChecks.mjs';
import { BACKEND_FAILURES } from './repoStart.mjs';
import { createResults } from './results.mjs';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const PORT = Number(process.env.E2E_PROD_PORT || 7350);
const PG_PORT = Number(process.env.E2E_PROD_PG_PORT || 7351);
const REFUSED_PORT = Number(process.env.E2E_PROD_REFUSED_PORT || 7352);
const BASE = `http://localhost:${PORT}`;
const API = `${BASE}/api/customer-reporting`;
const PG_BIN = process.env.PG15_BIN || '/usr/lib/postgresql/15/bin';
const STARTUP_TIMEOUT_MS =
  Number(process.env.E2E_STARTUP_TIMEOUT_S || 300) * 1000;
const TOKEN = randomBytes(24).toString('hex');
const DEMO_CONFIG = YAML.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'app-config.demo.yaml'), 'utf8'),
);
const APP_TITLE = YAML.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
).app.title;
const TESTS = {
  build:
    'production build: built like packages/backend/Dockerfile (host build, skeleton, production dependencies, bundle)',
  start:
    'production build: starts with NODE_ENV=production on PostgreSQL 15; every plugin initialised, none failed',
  served:
    'production build: app-backend serves the built frontend (index.html and its scripts)',
  browser:
    'production build: the frontend boots in Chromium to its sign-in page with the configured title',
  refusedReads:
    'production build: reads without credentials and with the development token are refused (401)',
  noGuest:
    'production build: no guest sign-in (the guest provider is not configured)',
  ingest:
    'production build: the ingest token from the environment ingests an app and a customer into PostgreSQL',
  noDemo: 'production build: no demo data is loaded',
  refusedStart:
    'production build: refuses to start with the demo signing key, naming it',
};

const started = Date.now();
const { record, failUnfinished, summarize } = createResults(
  '[e2e] production build on PostgreSQL 15',
);
const children = [];
let serverLog = '';
const log = msg =>
  console.log(
    `[e2e production ${Math.round((Date.now() - started) / 1000)}s] ${msg}`,
  );
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function check(name, fn) {
  try {
    await fn();
    record(name, true);
    return true;
  } catch (e) {
    record(name, false, e.message);
    return false;
  }
}

/** Runs a repository script in bash, in its own process group. */
function run(script, args, env, onOutput) {
  const child = startInGroup('bash', [path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    env,
    onOutput,
  });
  children.push(child);
  return child;
}

async function waitForStart() {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const failure = BACKEND_FAILURES.find(re => re.test(serverLog));
    if (failure) {
      await sleep(2000);
      throw new Error(
        `a plugin failed to start (${failure}):\n${serverLog.slice(-3000)}`,
      );
    }
    if (serverLog.includes('Plugin initialization complete')) return;
    if (Date.now() > deadline) {
      throw new Error(
        `not started after ${STARTUP_TIMEOUT_MS / 1000}s:\n${serverLog.slice(
          -3000,
        )}`,
      );
    }
    await sleep(1000);
  }
}

async function query(sql) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: '127.0.0.1',
    port: PG_PORT,
    user: 'postgres',
    database: 'backstage_plugin_customer-reporting',
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function checkRefusedStart(imageDir) {
  let output = '';
  const child = run(
    'scripts/prod-start.sh',
    [imageDir],
    {
      PORT: String(REFUSED_PORT),
      POSTGRES_HOST: '127.0.0.1',
      POSTGRES_PORT: String(PG_PORT),
      POSTGRES_USER: 'postgres',
      POSTGRES_PASSWORD: '',
      CUSTOMER_REPORTING_LICENSE_SIGNING_KEY:
        DEMO_CONFIG.customerReporting.license.signingKey,
      CUSTOMER_REPORTING_INGEST_TOKEN: TOKEN,
    },
    text => (output += text),
  );
  const code = await Promise.race([child.exited, sleep(120000)]);
  if (code === undefined) {
    await stopGroup(child);
    throw new Error(`still running after 120s:\n${output.slice(-2000)}`);
  }
  if (code === 0) throw new Error('exited with 0');
  if (
    !/customerReporting\.license\.signingKey is the published demo key/.test(
      output,
    )
  ) {
    throw new Error(
      `exited with ${code} without naming the key:\n${output.slice(-2000)}`,
    );
  }
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
    // CI installs PostgreSQL 15; elsewhere its absence is a skip.
    const why = `PostgreSQL 15 is not installed (${PG_BIN})`;
    for (const name of Object.values(TESTS))
      record(name, false, why, undefined, process.env.CI !== 'true');
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-production-'));
  const imageDir = path.join(tmp, 'app');
  try {
    let buildOutput = '';
    const t0 = Date.now();
    const build = run('scripts/prod-build.sh', [imageDir], {}, text => {
      buildOutput += text;
      for (const line of text.split('\n'))
        if (line.startsWith('[prod-build]')) log(line);
    });
    const buildCode = await build.exited;
    if (buildCode !== 0) {
      record(
        TESTS.build,
        false,
        `scripts/prod-build.sh exited with ${buildCode}:\n${buildOutput.slice(
          -3000,
        )}`,
      );
      return;
    }
    record(TESTS.build, true);
    log(`built in ${Math.round((Date.now() - t0) / 1000)}s`);

    const logFile = fs.createWriteStream(path.join(OUT_DIR, 'production.log'));
    const t1 = Date.now();
    const server = run(
      'scripts/prod-start.sh',
      [imageDir],
      {
        PORT: String(PORT),
        PG_START_PORT: String(PG_PORT),
        CUSTOMER_REPORTING_INGEST_TOKEN: TOKEN,
      },
      text => {
        serverLog += text;
        logFile.write(text);
      },
    );
    try {
      const up = await check(TESTS.start, async () => {
        await waitForStart();
        if (!/on PostgreSQL 127\.0\.0\.1:\d+/.test(serverLog))
          throw new Error('the server did not report its PostgreSQL');
        log(`started in ${Math.round((Date.now() - t1) / 1000)}s`);
      });
      if (!up) return;

      await check(TESTS.served, () => checkFrontendServed(BASE));

      if (fs.existsSync(CHROMIUM)) {
        await check(TESTS.browser, () =>
          checkSignInPage(
            BASE,
            APP_TITLE,
            path.join(OUT_DIR, 'production.png'),
          ),
        );
      } else {
        record(
          TESTS.browser,
          false,
          `Chromium not found at ${CHROMIUM}`,
          undefined,
          process.env.CI !== 'true',
        );
      }

      await check(TESTS.refusedReads, async () => {
        await expectStatus(`${API}/v1/customers`, 401);
        const developmentToken =
          DEMO_CONFIG.backend.auth.externalAccess[0].options.token;
        await expectStatus(`${API}/v1/customers`, 401, {
          headers: { Authorization: `Bearer ${developmentToken}` },
        });
      });

      await check(TESTS.noGuest, async () => {
        const { body } = await expectStatus(
          `${BASE}/api/auth/guest/refresh`,
          404,
        );
        if (!/No auth provider registered for 'guest'/.test(body))
          throw new Error(`unexpected answer: ${body.slice(0, 300)}`);
      });

      // Before the ingest below, and a while after the start (the demo
      // fleet, were it enabled, loads at start): no customer at all.
      await check(TESTS.noDemo, async () => {
        const [{ count }] = await query(
          'select count(*)::int as count from customers',
        );
        if (count !== 0)
          throw new Error(`${count} customers before any ingest`);
      });

      await check(TESTS.ingest, async () => {
        await ingestSmokeCustomer(API, TOKEN);
        const rows = await query('select name from customers');
        if (JSON.stringify(rows) !== '[{"name":"Production Smoke Co"}]')
          throw new Error(`customers in PostgreSQL: ${JSON.stringify(rows)}`);
      });

      await check(TESTS.refusedStart, () => checkRefusedStart(imageDir));
    } finally {
      await stopGroup(server);
      logFile.end();
    }
  } finally {
    if (!process.env.E2E_KEEP_TMP)
      fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main()
  .catch(e => log(`error: ${e.stack || e}`))
  .finally(async () => {
    for (const child of children) await stopGroup(child);
    failUnfinished(Object.values(TESTS), 'not run');
    process.exit(summarize() > 0 ? 1 : 0);
  });
