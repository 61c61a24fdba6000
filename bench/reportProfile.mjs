#!/usr/bin/env node
/*
 * The customer report alone: wall clock and backend CPU time per request,
 * beside the authenticated no-op, optionally with a CPU profile of the
 * backend taken over the report requests only. From the repository root:
 *
 *   node bench/reportProfile.mjs --size S --db sqlite [--runs 200]
 *     [--probe probe-50] [--profile r.cpuprofile] [--dir DIR]
 *   (pg: source scripts/pg.sh && pg_start &&
 *    BENCH_PG_URL=$BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ...)
 *
 * Same fleet and load as `yarn bench` (bench/run.mjs). CPU time per request
 * is the backend's utime + stime (/proc/<pid>/stat) over the series divided
 * by its requests: unlike the wall clock, other load on the machine barely
 * moves it. With --dir, SQLite data is kept there and a second run skips the
 * load (the fleet's clock then lags a little; fine for before/after).
 * Nothing is written to docs/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startBackend } from './backend.mjs';
import { HOUR, planFleet } from './fleet.mjs';
import { inspectorSession, summariseProfile } from './ingestProfile.mjs';
import { loadFleet } from './loadFleet.mjs';
import { Api, latencyStats, now, pluginDb, warmUp } from './measure.mjs';
import { pgServerCpu } from './pgServerCpu.mjs';
import { cpuSeconds } from './settle.mjs';

function parseArgs(argv) {
  const args = { size: 'S', db: 'sqlite', runs: 200, probe: 'probe-50' };
  args.inspectPort = 7361;
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--size') args.size = value.toUpperCase();
    else if (flag === '--db') args.db = value;
    else if (flag === '--runs') args.runs = Number(value);
    else if (flag === '--probe') args.probe = value;
    else if (flag === '--profile') args.profile = path.resolve(value);
    else if (flag === '--inspect-port') args.inspectPort = Number(value);
    else if (flag === '--dir') args.dir = path.resolve(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

const log = (...m) =>
  console.log(`[report ${new Date().toISOString().slice(11, 19)}]`, ...m);

/**
 * `runs` sequential requests: latency percentiles, the backend's CPU ms per
 * request and, given `serverCpu` (seconds so far), the database server's.
 */
async function timed(pid, runs, fn, serverCpu) {
  const cpu = cpuSeconds(pid);
  const server = serverCpu?.();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await fn();
    times.push(now() - t);
  }
  const stats = latencyStats(times);
  return {
    ...stats,
    cpuPerRequest: ((cpuSeconds(pid) - cpu) * 1000) / runs,
    serverCpuPerRequest: serverCpu && ((serverCpu() - server) * 1000) / runs,
  };
}

/** Which share of a request a profiled stack belongs to; first match wins. */
const SHARES = [
  [
    'serialisation (res.json, gzip)',
    /^(json .*express|gzippedJson )|compression|zlib/m,
  ],
  ['OpenAPI request validation', /express-openapi-validator/],
  [
    'ours (route, report, Knex, driver)',
    /customer-reporting-backend\/src|\/knex\/|better-sqlite3|\/pg\/|pg-pool|pg-protocol/,
  ],
];

/**
 * The backend's busy time per request by share: ours, the serialisation of
 * the answer (JSON and Backstage's gzip), request validation, garbage
 * collection and the rest (Backstage's auth and logging, express, node's
 * HTTP, and whatever else the backend did meanwhile).
 */
function sharesPerRequest(profile, requests) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes)
    for (const child of n.children ?? []) parent.set(child, n.id);
  const deltas = [...profile.timeDeltas].sort((a, b) => a - b);
  const sampleMs = deltas[deltas.length >> 1] / 1000;
  const totals = new Map();
  for (const id of profile.samples) {
    const name = byId.get(id).callFrame.functionName;
    if (name === '(idle)' || name === '(program)') continue;
    let share = 'garbage collection';
    if (name !== '(garbage collector)') {
      const frames = [];
      for (let n = id; n !== undefined; n = parent.get(n)) {
        const f = byId.get(n).callFrame;
        frames.push(`${f.functionName} ${f.url}`);
      }
      const stack = frames.join('\n');
      share =
        SHARES.find(([, pattern]) => pattern.test(stack))?.[0] ??
        'the rest (Backstage, express, node http)';
    }
    totals.set(share, (totals.get(share) ?? 0) + 1);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(
      ([share, n]) => `${((n * sampleMs) / requests).toFixed(2)} ms  ${share}`,
    );
}

const fmt = s =>
  `p50 ${s.p50.toFixed(2)} / p95 ${s.p95.toFixed(2)} / p99 ${s.p99.toFixed(
    2,
  )} ms, CPU ${s.cpuPerRequest.toFixed(2)} ms/request${
    s.serverCpuPerRequest === undefined
      ? ''
      : `, PostgreSQL server ${s.serverCpuPerRequest.toFixed(2)} ms/request`
  }`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pgUrl = process.env.BENCH_PG_URL;
  if (args.db === 'pg' && !pgUrl) throw new Error('BENCH_PG_URL is not set');
  const workDir =
    args.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'report-profile-'));
  fs.mkdirSync(workDir, { recursive: true });
  const loadedMarker = path.join(workDir, `loaded-${args.db}-${args.size}`);
  const token = randomBytes(24).toString('hex');
  const nodeOptions = process.env.NODE_OPTIONS;
  if (args.profile)
    process.env.NODE_OPTIONS = `${nodeOptions ?? ''} --inspect=127.0.0.1:${
      args.inspectPort
    }`;
  const backend = await startBackend({ db: args.db, workDir, pgUrl, token });
  if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = nodeOptions;
  log(`${args.db}: backend ready (pid ${backend.pid})`);
  const api = new Api(backend.baseUrl, token);
  try {
    if (!fs.existsSync(loadedMarker)) {
      const fleet = planFleet(args.size, Date.now());
      await loadFleet(api, fleet, fleet.now - 8 * HOUR, m => log(m));
      fs.writeFileSync(loadedMarker, '');
    }
    if (args.db === 'pg') {
      // Fresh tables: give the planner statistics, as bench/run.mjs does.
      const pdb = await pluginDb('pg', { workDir, pgUrl });
      await pdb.raw('analyze');
      await pdb.destroy();
    }
    const serverCpu = args.db === 'pg' ? await pgServerCpu(pgUrl) : undefined;
    const route = `/v1/customers/${args.probe}/report?includeInactive=true`;
    const report = await api.get(route);
    log(`${args.probe}: ${report.instances.length} instances`);
    // Warm, as a backend serving reports all day is, and profiled only
    // over the timed reports.
    await warmUp(() => api.noop());
    const noop = await timed(
      backend.pid,
      args.runs,
      () => api.noop(),
      serverCpu,
    );
    await warmUp(() => api.read(route));
    const inspector = args.profile
      ? await inspectorSession(args.inspectPort)
      : undefined;
    await inspector?.send('Profiler.enable');
    await inspector?.send('Profiler.start');
    const reports = await timed(
      backend.pid,
      args.runs,
      () => api.read(route),
      serverCpu,
    );
    const load = os
      .loadavg()
      .map(x => x.toFixed(1))
      .join(' ');
    log(`${args.size} ${args.db}, ${args.runs} requests each, load ${load}`);
    log(`no-op:  ${fmt(noop)}`);
    log(`report: ${fmt(reports)}`);
    if (inspector) {
      const { profile } = await inspector.send('Profiler.stop');
      inspector.close();
      fs.writeFileSync(args.profile, JSON.stringify(profile));
      const summary = summariseProfile(profile, 30);
      log(
        `profile ${args.profile}: busy ${(summary.busyMs / args.runs).toFixed(
          2,
        )} ms per report; self time by function:`,
      );
      summary.functions.forEach(line => console.log(`  ${line}`));
      log('self time by package or folder:');
      summary.areas.forEach(line => console.log(`  ${line}`));
      log('busy time per report by share:');
      sharesPerRequest(profile, args.runs).forEach(line =>
        console.log(`  ${line}`),
      );
    }
  } finally {
    await backend.stop();
    if (!args.dir) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(`[report] failed: ${error.stack ?? error}`);
  process.exit(1);
});
