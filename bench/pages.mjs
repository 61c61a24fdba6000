/*
 * Page timings: `yarn bench --size M --pages [--image DIR]` (bench/run.mjs
 * hands --pages runs to this file). See bench/README.md, "Page timings".
 *
 * Builds the production image (scripts/prod-build.sh; --image DIR reuses
 * one), starts it as the container runs (scripts/prod-start.sh:
 * NODE_ENV=production, a throwaway PostgreSQL 15, a random ingest token),
 * loads the bench fleet of the size through the HTTP API with that token,
 * then opens four pages in Chromium and times, from navigation start to
 * the page's data being visible, 5 cold loads (each in a new browser
 * context: empty cache) and 5 warm ones (one context, reloaded after an
 * untimed first load), plus the JavaScript each cold load fetched.
 *
 * The production build has no sign-in provider; the only change the bench
 * makes is GUEST_SIGN_IN below (environment, no file of the image edited).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../scripts/e2e/chromium.mjs';
import { startInGroup, stopGroup } from '../scripts/e2e/processGroup.mjs';
import { BACKEND_FAILURES } from '../scripts/e2e/repoStart.mjs';
import { REPO } from './backend.mjs';
import { HOUR, planFleet } from './fleet.mjs';
import { loadFleet } from './loadFleet.mjs';
import { referenceWorkMs } from './machineSpeed.mjs';
import { Api } from './measure.mjs';
import { pagesOf, timePage } from './pageLoads.mjs';
import { pagesTable, TARGETS } from './pagesReport.mjs';
import { prettify, writeDocs } from './report.mjs';

const PORT = Number(process.env.BENCH_PAGES_PORT || 7390);
const PG_PORT = Number(process.env.BENCH_PAGES_PG_PORT || 7391);
const BASE = `http://localhost:${PORT}`;
const LOADS = 5;
const SETTLE_S = Number(process.env.BENCH_PAGES_SETTLE_S ?? 30);

/** Guest sign-in outside development: the bench's only configuration change. */
const GUEST_SIGN_IN = {
  APP_CONFIG_app_signIn_guest: 'true',
  APP_CONFIG_auth_providers_guest_dangerouslyAllowOutsideDevelopment: 'true',
};

const log = (...m) =>
  console.log(`[bench pages ${new Date().toISOString().slice(11, 19)}]`, ...m);

/** Until the backend logs its start; throws when it fails or exits first. */
async function waitForStart(server) {
  let exitCode;
  server.exited.then(code => (exitCode = code));
  const deadline = Date.now() + 600_000;
  while (!server.output.includes('Plugin initialization complete')) {
    const failure = BACKEND_FAILURES.find(re => re.test(server.output));
    if (failure || exitCode !== undefined || Date.now() > deadline)
      throw new Error(
        `production backend did not start (${
          failure ?? `exit ${exitCode ?? 'timeout'}`
        }):\n${server.output.slice(-3000)}`,
      );
    await new Promise(r => setTimeout(r, 1000));
  }
}

export async function runPages(size, imageArg) {
  const started = new Date().toISOString();
  const loadAverageAtStart = os.loadavg().map(x => +x.toFixed(2));
  const referenceWork = referenceWorkMs();
  const work = fs.mkdtempSync(
    path.join(os.tmpdir(), 'customer-reporting-pages-'),
  );
  const children = [];
  const run = (script, args, env) => {
    const child = startInGroup('bash', [path.join(REPO, script), ...args], {
      cwd: REPO,
      env,
      onOutput: text => (child.output += text),
    });
    child.output = '';
    children.push(child);
    return child;
  };
  try {
    const image = imageArg ?? path.join(work, 'app');
    if (!imageArg) {
      log(`building the production image into ${image}`);
      const build = run('scripts/prod-build.sh', [image], {});
      if ((await build.exited) !== 0)
        throw new Error(`prod-build.sh failed:\n${build.output.slice(-3000)}`);
    }
    const token = randomBytes(24).toString('hex');
    const server = run('scripts/prod-start.sh', [image], {
      PORT: String(PORT),
      PG_START_PORT: String(PG_PORT),
      CUSTOMER_REPORTING_INGEST_TOKEN: token,
      ...GUEST_SIGN_IN,
    });
    await waitForStart(server);
    log(`production backend up on ${BASE}; loading the ${size} fleet`);
    const fleet = planFleet(size, Date.now());
    const loaded = await loadFleet(
      new Api(BASE, token),
      fleet,
      fleet.now - 8 * HOUR,
      log,
    );
    // The backend catches up (catalog entities of the new customers)
    // before the timings, as it would have long since in production.
    log(
      `loaded ${
        loaded.backfill.count + loaded.live.count
      } check-ins; ${SETTLE_S} s to settle, then timing pages`,
    );
    await new Promise(r => setTimeout(r, SETTLE_S * 1000));
    const loadAverageBeforePages = os.loadavg().map(x => +x.toFixed(2));
    const browser = await launchChromium();
    const pages = [];
    try {
      for (const spec of pagesOf(fleet)) {
        pages.push(await timePage(browser, BASE, spec, LOADS));
        log(
          `${spec.name}: cold ${pages.at(-1).cold.ms.join(' ')} ms, warm ${pages
            .at(-1)
            .warm.ms.join(' ')} ms`,
        );
      }
    } finally {
      await browser.close();
    }
    fs.writeFileSync(path.join(work, 'server.log'), server.output);
    return {
      size,
      command: `yarn bench --size ${size} --pages`,
      started,
      finished: new Date().toISOString(),
      fleet: {
        customers: fleet.customers.length,
        instances: fleet.instances.length,
        days: fleet.days,
        attempts: fleet.attempts,
      },
      configurationChange: GUEST_SIGN_IN,
      targets: TARGETS,
      loads: LOADS,
      loadAverageAtStart,
      referenceWorkMs: referenceWork,
      loadAverageBeforePages,
      loadAverageAtEnd: os.loadavg().map(x => +x.toFixed(2)),
      machine: {
        nproc: os.availableParallelism(),
        cpu: os.cpus()[0]?.model,
        node: process.version,
      },
      pages,
    };
  } finally {
    for (const child of children.reverse()) await stopGroup(child);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Entry from bench/run.mjs: runs, prints, writes the results file and docs. */
export async function main(argv) {
  const size = (argv[argv.indexOf('--size') + 1] ?? 'M').toUpperCase();
  const imageAt = argv.indexOf('--image');
  const result = await runPages(
    size,
    imageAt >= 0 ? path.resolve(argv[imageAt + 1]) : undefined,
  );
  console.log(pagesTable(result));
  const outputDir = process.env.BENCH_OUTPUT_DIR;
  const resultsDir = outputDir
    ? path.join(outputDir, 'results')
    : path.join(REPO, 'bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `pages-${size}.json`);
  fs.writeFileSync(
    file,
    prettify(`${JSON.stringify(result, null, 2)}\n`, file),
  );
  const docs = writeDocs(
    resultsDir,
    outputDir
      ? path.join(outputDir, 'benchmarks.md')
      : path.join(REPO, 'docs/benchmarks.md'),
  );
  log(`wrote ${file} and ${docs}`);
}
