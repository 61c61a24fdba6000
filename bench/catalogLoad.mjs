/*
 * The report and the no-op request timed over minutes, long enough to span
 * the catalog's processing rounds (every entity re-processed every
 * `catalog.processingInterval`, 100-150 s by default), with the 5,000
 * customer entities of a size published to the catalog.
 *
 *   node bench/catalogLoad.mjs --size L [--db sqlite|pg] [--minutes 4]
 *     [--processing-interval '{"minutes":30}'] [--settle 160] [--idle 60]
 *     [--full-refresh-every 60]
 *     [--work-dir DIR] [--keep]
 *
 * Loads only what the catalog and one report need: the apps, every customer
 * of the size (the catalog module publishes each as an entity) and the
 * check-ins of `probe-50` (50 instances); the check-in volume of a full
 * bench load does not change the catalog's work. `--work-dir` reuses the
 * SQLite files of an earlier `--keep` run (no load). `--processing-interval`
 * overrides app-config.yaml's `catalog.processingInterval` (a duration
 * object, or false); `--settle` waits before sampling, e.g. one round of
 * the old interval after a restart with a new one; `--idle` (60 s) then
 * measures the backend's CPU time per second without requests (both
 * windows' figures are printed). `--full-refresh-every` (seconds) runs the
 * module's full refresh (every customer sent to the catalog again, which
 * the bench's config otherwise moves 12 h out) that often. The backend runs with
 * bench/eventLoopDelay.cjs preloaded: the event loop's delay and the
 * backend's CPU time per 5 s window. Prints p50/p95/p99 of both requests,
 * the backend's CPU per second and the load average. PostgreSQL: pass its
 * URL as BENCH_PG_URL (see bench/ingestProfile.mjs).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, startBackend } from './backend.mjs';
import { planFleet } from './fleet.mjs';
import { instanceCheckIns } from './fleetCheckIns.mjs';
import { Api, ingest, latencyStats, now, pool } from './measure.mjs';
import { cpuSeconds, waitForCatalog } from './settle.mjs';

const PROBE = 'probe-50';
const log = m => console.log(`[catalog-load ${new Date().toISOString()}] ${m}`);

function parseArgs(argv) {
  const args = {
    size: 'L',
    db: 'sqlite',
    minutes: 4,
    settle: 0,
    idle: 60,
    fullRefreshEvery: 0,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--size') args.size = argv[++i];
    else if (a === '--db') args.db = argv[++i];
    else if (a === '--minutes') args.minutes = Number(argv[++i]);
    else if (a === '--settle') args.settle = Number(argv[++i]);
    else if (a === '--idle') args.idle = Number(argv[++i]);
    else if (a === '--full-refresh-every')
      args.fullRefreshEvery = Number(argv[++i]);
    else if (a === '--processing-interval')
      args.processingInterval = JSON.parse(argv[++i]);
    else if (a === '--work-dir') args.workDir = argv[++i];
    else if (a === '--keep') args.keep = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function loadCustomers(api, fleet) {
  for (const app of fleet.apps)
    await api.send('PUT', `/v1/apps/${app.slug}`, app.body);
  const ms = await pool(fleet.customers, 4, c =>
    api.send('PUT', `/v1/customers/${c.id}`, c.body),
  );
  const probeCheckIns = fleet.instances
    .filter(i => i.customer.id === PROBE)
    .flatMap(i => instanceCheckIns(fleet, i));
  const result = await ingest(api, '/v1/check-ins', 'checkIns', probeCheckIns);
  if (result.accepted !== result.count)
    throw new Error(`check-ins not all accepted: ${JSON.stringify(result)}`);
  log(
    `loaded ${fleet.customers.length} customers in ${(ms / 1000).toFixed(
      1,
    )} s and ${result.count} check-ins of ${PROBE}`,
  );
}

async function sample(api, pid, minutes) {
  const report = [];
  const noop = [];
  const route = `/v1/customers/${PROBE}/report?includeInactive=true`;
  for (let i = 0; i < 3; i++) {
    await api.get(route);
    await api.noop();
  }
  const load = [os.loadavg()];
  const cpu0 = cpuSeconds(pid);
  const t0 = now();
  const end = t0 + minutes * 60_000;
  while (now() < end) {
    let t = now();
    await api.read(route);
    report.push(now() - t);
    t = now();
    await api.noop();
    noop.push(now() - t);
    // A pause between pairs, as between a user's clicks: the backend is
    // otherwise idle, so what slows a request is the catalog's work.
    await new Promise(r => setTimeout(r, 100));
  }
  const seconds = (now() - t0) / 1000;
  load.push(os.loadavg());
  return {
    seconds,
    report: latencyStats(report),
    noop: latencyStats(noop),
    over25: report.filter(ms => ms > 25).length,
    backendCpuPerSecond: (cpuSeconds(pid) - cpu0) / seconds,
    load,
  };
}

function eventLoopSummary(file, fromMs) {
  if (!fs.existsSync(file)) return undefined;
  const windows = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map(l => JSON.parse(l))
    .filter(w => w.at >= fromMs);
  if (windows.length === 0) return undefined;
  const maxes = windows.map(w => w.max);
  return {
    windows: windows.length,
    maxDelayP50: latencyStats(maxes).p50,
    maxDelayMax: Math.max(...maxes),
    windowsOver20ms: maxes.filter(m => m > 20).length,
    p99Median: latencyStats(windows.map(w => w.p99)).p50,
    cpuMsPer5s: latencyStats(windows.map(w => w.cpuMs)).p50,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const fleet = planFleet(args.size, Date.now());
  const reuse = Boolean(args.workDir);
  const workDir =
    args.workDir ??
    fs.mkdtempSync(path.join(os.tmpdir(), 'customer-reporting-catalog-load-'));
  const token = randomBytes(24).toString('hex');
  const eld = path.join(workDir, `event-loop-${Date.now()}.jsonl`);
  const backend = await startBackend({
    db: args.db,
    workDir,
    pgUrl: process.env.BENCH_PG_URL,
    token,
    extraConfig: {
      ...(args.processingInterval === undefined
        ? {}
        : { catalog: { processingInterval: args.processingInterval } }),
      ...(args.fullRefreshEvery > 0
        ? {
            customerReporting: {
              catalog: {
                // ISO strings: duration objects would merge with the
                // generated config's { hours: 24 } instead of replacing it.
                schedule: {
                  frequency: `PT${args.fullRefreshEvery}S`,
                  timeout: { minutes: 10 },
                  initialDelay: `PT${args.fullRefreshEvery}S`,
                },
              },
            },
          }
        : {}),
    },
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(
        REPO,
        'bench/eventLoopDelay.cjs',
      )}`.trim(),
      BENCH_ELD_FILE: eld,
    },
  });
  log(
    `backend pid ${backend.pid} (${
      backend.baseUrl
    }), work dir ${workDir}, catalog.processingInterval ${JSON.stringify(
      args.processingInterval ?? 'app-config.yaml',
    )}`,
  );
  try {
    const api = new Api(backend.baseUrl, token);
    if (!reuse) await loadCustomers(api, fleet);
    const waited = await waitForCatalog(
      backend.baseUrl,
      token,
      fleet.customers.length,
    );
    log(
      `catalog serves ${
        fleet.customers.length
      } customers (waited ${waited.toFixed(0)} s)`,
    );
    // The backend's CPU without requests: what the catalog (and any other
    // background work) costs per second.
    const idle = {};
    for (const [name, seconds] of [
      ['settle', args.settle],
      ['idle', args.idle],
    ]) {
      if (seconds <= 0) continue;
      log(`${name}: ${seconds} s without requests`);
      const cpu0 = cpuSeconds(backend.pid);
      await new Promise(r => setTimeout(r, seconds * 1000));
      idle[`${name}CpuPerSecond`] = (cpuSeconds(backend.pid) - cpu0) / seconds;
    }
    const from = Date.now();
    log(`sampling ${args.minutes} min`);
    const result = await sample(api, backend.pid, args.minutes);
    result.eventLoop = eventLoopSummary(eld, from);
    console.log(JSON.stringify({ ...idle, ...result }, null, 2));
  } finally {
    await backend.stop();
    if (!args.keep && !reuse)
      fs.rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir}`);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
