#!/usr/bin/env node
/*
 * The check-in ingest of the benchmark alone, optionally with a CPU profile
 * of the backend taken over the ingest only. From the repository root:
 *
 *   node bench/ingestProfile.mjs --size M --db sqlite [--profile m.cpuprofile]
 *   source scripts/pg.sh && pg_start &&
 *     BENCH_PG_URL=$BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING \
 *     node bench/ingestProfile.mjs --size M --db pg --profile m-pg.cpuprofile
 *
 * Same fleet, load (backfill by 4 senders with a share of the instances each,
 * then live order by 4 clients; batches of 500) and
 * floor of every row the ingest keeps as `yarn bench` (bench/run.mjs);
 * nothing else is measured and nothing is written to docs/. The profile is
 * taken through the backend's inspector (--inspect on --inspect-port,
 * default 7361), so start-up and the floor are not in it; its top entries
 * are printed as self time per function and per package. The .cpuprofile
 * opens in Chrome DevTools (Performance) or speedscope.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startBackend } from './backend.mjs';
import { ingestFloor } from './ingestFloor.mjs';
import { HOUR, planFleet } from './fleet.mjs';
import {
  backfillCheckIns,
  backfillShares,
  liveCheckIns,
} from './fleetCheckIns.mjs';
import {
  Api,
  ingest,
  ingestShares,
  INGEST_CLIENTS,
  pluginDb,
  pool,
} from './measure.mjs';
import { pgServerCpu } from './pgServerCpu.mjs';
import { cpuSeconds } from './settle.mjs';

function parseArgs(argv) {
  const args = { size: 'M', db: 'sqlite', inspectPort: 7361 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--size') args.size = value.toUpperCase();
    else if (flag === '--db') args.db = value;
    else if (flag === '--profile') args.profile = path.resolve(value);
    else if (flag === '--inspect-port') args.inspectPort = Number(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

const log = (...m) =>
  console.log(`[ingest ${new Date().toISOString().slice(11, 19)}]`, ...m);

/** A minimal Chrome DevTools Protocol session over the inspector's WebSocket. */
export async function inspectorSession(port) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 1;
  const pending = new Map();
  socket.onmessage = event => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  };
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, m => (m.error ? reject(m.error) : resolve(m.result)));
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

/** Where a profiled function lives: a package, a folder of ours, or V8. */
function areaOf({ url, functionName }) {
  if (!url)
    return functionName.startsWith('(')
      ? functionName
      : 'native code (database driver, sockets, V8 builtins)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const ours = url.match(/plugins\/([^/]+)\/src\/([^/]+)/);
  if (ours) return `${ours[1]}/src/${ours[2]}`;
  if (url.startsWith('node:')) return 'node core';
  return url;
}

/** Self time per function and per area, largest first. */
export function summariseProfile(profile, top = 15) {
  const total = profile.samples.length;
  const byNode = new Map(profile.nodes.map(n => [n.id, n]));
  const selfBy = (keyOf, map = new Map()) => {
    for (const id of profile.samples) {
      const key = keyOf(byNode.get(id).callFrame);
      map.set(key, (map.get(key) ?? 0) + 1);
    }
    return [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, n]) => `${((100 * n) / total).toFixed(1)}%  ${key}`);
  };
  // Samples on the main thread while it was not waiting, at the sampling
  // interval: its CPU time, which other load on the machine distorts less
  // than throughput does.
  const intervals = [...profile.timeDeltas].sort((a, b) => a - b);
  const idle = new Set(['(idle)', '(program)']);
  const busySamples = profile.samples.filter(
    id => !idle.has(byNode.get(id).callFrame.functionName),
  ).length;
  return {
    busyMs: (busySamples * intervals[intervals.length >> 1]) / 1000,
    functions: selfBy(
      f =>
        `${f.functionName || '(anonymous)'} ${
          f.url
            ? `${f.url.replace(/^.*\/(node_modules|plugins)\//, '')}:${
                f.lineNumber + 1
              }`
            : ''
        }`,
    ),
    areas: selfBy(areaOf),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pgUrl = process.env.BENCH_PG_URL;
  if (args.db === 'pg' && !pgUrl) throw new Error('BENCH_PG_URL is not set');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-profile-'));
  try {
    await measure(args, pgUrl, workDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function measure(args, pgUrl, workDir) {
  const token = randomBytes(24).toString('hex');
  const fleet = planFleet(args.size, Date.now());
  const liveFrom = fleet.now - 8 * HOUR;
  if (args.profile)
    process.env.NODE_OPTIONS = `--inspect=127.0.0.1:${args.inspectPort}`;
  const backend = await startBackend({ db: args.db, workDir, pgUrl, token });
  delete process.env.NODE_OPTIONS;
  log(`${args.db}: backend ready (pid ${backend.pid})`);
  const api = new Api(backend.baseUrl, token);
  let result;
  try {
    for (const app of fleet.apps)
      await api.send('PUT', `/v1/apps/${app.slug}`, app.body);
    await pool(fleet.customers, 4, c =>
      api.send('PUT', `/v1/customers/${c.id}`, c.body),
    );
    const inspector = args.profile
      ? await inspectorSession(args.inspectPort)
      : undefined;
    await inspector?.send('Profiler.enable');
    await inspector?.send('Profiler.start');
    const serverCpu = args.db === 'pg' ? await pgServerCpu(pgUrl) : undefined;
    const serverCpuBefore = serverCpu?.();
    const backendCpuBefore = cpuSeconds(backend.pid);
    const clientCpuBefore = process.cpuUsage();
    const backfill = await ingestShares(
      api,
      '/v1/check-ins',
      'checkIns',
      backfillShares(fleet, liveFrom, INGEST_CLIENTS),
    );
    const live = await ingest(
      api,
      '/v1/check-ins',
      'checkIns',
      liveCheckIns(fleet, liveFrom),
    );
    const items = backfill.count + live.count;
    const logCpu = (what, seconds) =>
      log(
        `${what} CPU ${seconds.toFixed(1)} s, ${(
          (seconds * 1e6) /
          items
        ).toFixed(1)} µs per check-in`,
      );
    // The backend process's own CPU time from /proc, all threads (GC
    // helpers too): also without --profile, and not a sampled estimate.
    logCpu('backend', cpuSeconds(backend.pid) - backendCpuBefore);
    if (serverCpu) logCpu('PostgreSQL server', serverCpu() - serverCpuBefore);
    // This script's own: it builds and sends the batches on the same two
    // cores, as the floor's client builds and inserts its rows.
    const client = process.cpuUsage(clientCpuBefore);
    logCpu('bench client', (client.user + client.system) / 1e6);
    if (inspector) {
      const { profile } = await inspector.send('Profiler.stop');
      inspector.close();
      fs.writeFileSync(args.profile, JSON.stringify(profile));
      const summary = summariseProfile(profile);
      log(
        `backend busy ≈ ${Math.round(summary.busyMs / 1000)} s, ${(
          (summary.busyMs * 1000) /
          items
        ).toFixed(1)} µs per check-in`,
      );
      log(`profile written to ${args.profile}; self time by function:`);
      summary.functions.forEach(line => console.log(`  ${line}`));
      log('self time by package or folder:');
      summary.areas.forEach(line => console.log(`  ${line}`));
    }
    result = { backfill, live };
  } finally {
    await backend.stop();
  }
  const source = await pluginDb(args.db, { workDir, pgUrl });
  let floor;
  // The floor's server CPU includes reading the derived rows it copies.
  const serverCpu = args.db === 'pg' ? await pgServerCpu(pgUrl) : undefined;
  const serverCpuBefore = serverCpu?.();
  try {
    floor = await ingestFloor(
      args.db,
      { workDir, pgUrl },
      source,
      function* rows() {
        yield* backfillCheckIns(fleet, liveFrom);
        yield* liveCheckIns(fleet, liveFrom);
      },
    );
    if (serverCpu)
      log(
        `floor: PostgreSQL server CPU ${(
          ((serverCpu() - serverCpuBefore) * 1e6) /
          floor.count
        ).toFixed(1)} µs per check-in`,
      );
  } finally {
    await source.destroy();
  }
  const { backfill, live } = result;
  const rate =
    (backfill.count + live.count) / (backfill.seconds + live.seconds);
  log(
    `${args.size} ${args.db}: ${
      backfill.count + live.count
    } check-ins, backfill ${Math.round(
      backfill.perSecond,
    )}/s, live ${Math.round(live.perSecond)}/s, together ${Math.round(
      rate,
    )}/s; every-row floor ${Math.round(floor.allRows.perSecond)}/s; ratio ${(
      rate / floor.allRows.perSecond
    ).toFixed(2)} (load ${os
      .loadavg()
      .map(x => x.toFixed(1))
      .join(' ')})`,
  );
}

// Run when executed, not when imported (summariseProfile is exported).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch(error => {
    console.error(`[ingest] failed: ${error.stack ?? error}`);
    process.exit(1);
  });
}
