#!/usr/bin/env node
/*
 * End-to-end check of the Replicated data source (run by `npm test`'s e2e
 * stage after scripts/e2e-smoke.mjs; alone: `node scripts/e2e/replicated.mjs`).
 *
 * Unlike the modules beside it, this one starts its own backend, because it
 * needs a different configuration: the fake Vendor API
 * (scripts/replicated-fake.mjs) on its own port, and the backend with
 * app-config.yaml + app-config.demo.yaml + app-config.replicated.yaml (what
 * `yarn dev:replicated` runs) on ports that clash with neither `npm start`
 * nor the smoke test, in a
 * temporary SQLite folder. Once the backend logs "Plugin initialization
 * complete" it checks over the HTTP API, with the local static token, that
 * the synced customers are listed and the data source reports its sync.
 *
 * Prints `e2e replicated: N passed, N failed`; writes {passed, failed,
 * skipped, tests} as JSON to $E2E_RESULT_FILE when set.
 *
 * Environment (all optional): E2E_REPLICATED_BACKEND_PORT (7507),
 * E2E_REPLICATED_FAKE_PORT (7597), E2E_STARTUP_TIMEOUT_S (600).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startInGroup, stopGroup } from './processGroup.mjs';
import { createResults } from './results.mjs';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const BACKEND_PORT = Number(process.env.E2E_REPLICATED_BACKEND_PORT || 7507);
const FAKE_PORT = Number(process.env.E2E_REPLICATED_FAKE_PORT || 7597);
const STARTUP_TIMEOUT_MS =
  Number(process.env.E2E_STARTUP_TIMEOUT_S || 600) * 1000;
const API = `http://localhost:${BACKEND_PORT}/api/customer-reporting`;
// The static token app-config.demo.yaml configures for local ingest scripts.
const TOKEN = 'dev-ingest-token-change-me';
const SYNCED = [
  'Acme Corp',
  'Globex',
  'Hooli',
  'Initech',
  'Umbrella Corporation',
];

const TESTS = [
  'replicated: the backend starts with the module pointed at the fake Vendor API',
  'replicated: the synced customers are listed',
  'replicated: the data source reports a successful sync with its figures',
  'replicated: a customer report carries what the Vendor API knows (kURL and air gap instances, their distributions and the time to install from the Enterprise Portal, versions behind, Enterprise Portal users and support bundles, install attempts)',
  "replicated: a Download Portal customer's report shows its last air gap bundle download",
];
// Customers of the fake's fixtures (plugins/customer-reporting-backend-module-replicated/src/__fixtures__).
const ACME = '2jAcmeC0rpQ1w2e3r4t5y6u7i8o';
const HOOLI = '2jHooliQaz2wsx3edc4rfv5tgb6';

const started = Date.now();
const { record, failUnfinished, summarize } = createResults('e2e replicated');
const children = [];
let output = '';
const log = msg =>
  console.log(
    `[e2e replicated ${Math.round((Date.now() - started) / 1000)}s] ${msg}`,
  );
const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Runs `script` in bash after the toolchain, in its own process group. */
function start(script, env) {
  const child = startInGroup(
    'bash',
    ['-c', `source scripts/toolchain.sh >&2 && ${script}`],
    {
      cwd: REPO_ROOT,
      env,
      onOutput: text => {
        output += text;
        if (output.length > 2_000_000) output = output.slice(-1_000_000);
      },
    },
  );
  children.push(child);
  return child;
}

async function get(pathname) {
  const res = await fetch(`${API}${pathname}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  if (!res.ok) throw new Error(`GET ${pathname} answered ${res.status}`);
  return res.json();
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-replicated-'));
  const config = path.join(tmp, 'app-config.e2e.yaml');
  // JSON is YAML; loaded last, so these keys win.
  fs.writeFileSync(
    config,
    JSON.stringify({
      backend: {
        baseUrl: `http://localhost:${BACKEND_PORT}`,
        listen: { port: BACKEND_PORT },
        database: { connection: { directory: tmp } },
      },
    }),
  );
  const env = {
    REPLICATED_FAKE_PORT: String(FAKE_PORT),
    REPLICATED_API_TOKEN: 'e2e-replicated-token',
  };
  try {
    start(
      'exec node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON scripts/replicated-fake.mjs',
      env,
    );
    const configs = [
      'app-config.yaml',
      'app-config.demo.yaml',
      'app-config.replicated.yaml',
      config,
    ]
      .map(c => `--config ${path.resolve(REPO_ROOT, c)}`)
      .join(' ');
    start(
      `cd packages/backend && exec node "$REPO_ROOT"/.yarn/releases/yarn-*.cjs backstage-cli package start ${configs}`,
      env,
    );

    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (!output.includes('Plugin initialization complete')) {
      if (
        Date.now() > deadline ||
        /Backend failed to start|EADDRINUSE/.test(output)
      ) {
        record(
          TESTS[0],
          false,
          `the backend did not start:\n${output.slice(-3000)}`,
        );
        return;
      }
      await sleep(1000);
    }
    record(TESTS[0], true);

    // The first sync runs at start-up; give it a little time to finish.
    let sources;
    for (let i = 0; i < 60; i++) {
      sources = await get('/v1/data-sources');
      if (sources.items[0]?.state === 'succeeded') break;
      await sleep(1000);
    }
    try {
      const customers = await get('/v1/customers?limit=100');
      const names = customers.items.map(c => c.name).sort();
      if (JSON.stringify(names) !== JSON.stringify(SYNCED)) {
        throw new Error(`listed ${JSON.stringify(names)}`);
      }
      record(TESTS[1], true);
    } catch (e) {
      record(TESTS[1], false, e.message);
    }
    const source = sources?.items[0];
    if (
      source?.id === 'replicated' &&
      source.state === 'succeeded' &&
      source.counts?.customers === SYNCED.length
    ) {
      record(TESTS[2], true);
    } else {
      record(TESTS[2], false, `status ${JSON.stringify(source)}`);
    }
    try {
      const report = await get(`/v1/customers/${ACME}/report`);
      const summary = {
        instances: report.instances.map(i => [
          i.clusterType,
          i.k8sDistribution,
          i.airgap,
          i.versionsBehind,
        ]),
        timeToInstall: [
          report.timeToInstall?.instanceId,
          report.timeToInstall?.instanceSeconds,
        ],
        users: report.portal.users?.length,
        supportBundles: report.portal.supportBundles,
        attempts: report.installAttempts.map(a => a.status).sort(),
      };
      const expected = {
        instances: [
          ['kurl', 'kurl', false, 0],
          ['existing', 'rke2', true, 3],
        ],
        // The air gap instance's first ready, 40 min after it was first seen.
        timeToInstall: ['a9e04d7c21b8', 2400],
        users: 2,
        supportBundles: 2,
        attempts: ['discarded', 'stalled', 'succeeded'],
      };
      if (JSON.stringify(summary) !== JSON.stringify(expected)) {
        throw new Error(`report ${JSON.stringify(summary)}`);
      }
      record(TESTS[3], true);
    } catch (e) {
      record(TESTS[3], false, e.message);
    }
    try {
      const { portal } = await get(`/v1/customers/${HOOLI}/report`);
      // Its airgapDownloadedAt and airgapDownloadedReleaseLabel.
      if (
        portal.kind !== 'download' ||
        portal.lastDownload?.version !== '2.4.0-edge.3' ||
        Number.isNaN(Date.parse(portal.lastDownload.at))
      ) {
        throw new Error(`portal ${JSON.stringify(portal)}`);
      }
      record(TESTS[4], true);
    } catch (e) {
      record(TESTS[4], false, e.message);
    }
  } finally {
    await Promise.all(children.map(child => stopGroup(child)));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main()
  .catch(e => log(`error: ${e.stack || e}`))
  .finally(() => {
    failUnfinished(TESTS, 'not run');
    process.exit(summarize() > 0 ? 1 : 0);
  });
