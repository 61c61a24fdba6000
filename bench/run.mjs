#!/usr/bin/env node
/*
 * Customer reporting backend benchmark. Usage (from the repository root):
 *
 *   yarn bench --size S|M|L --db sqlite|pg|both [--runs 100] [--keep]
 *   yarn bench --size M --pages [--image DIR]   (page timings, bench/pages.mjs)
 *
 * `yarn bench` runs bench/bench.sh, which sources scripts/toolchain.sh and,
 * for pg, starts a throwaway PostgreSQL 15 cluster (scripts/pg.sh) and
 * passes its URL as BENCH_PG_URL. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { memoryOf, REPO, startBackend } from './backend.mjs';
import { ingestFloor } from './ingestFloor.mjs';
import { referenceWorkMs } from './machineSpeed.mjs';
import { HOUR, planFleet, SIZES } from './fleet.mjs';
import { backfillCheckIns, liveCheckIns } from './fleetCheckIns.mjs';
import { loadFleet } from './loadFleet.mjs';
import {
  timeAdoption,
  timeAlertEvaluation,
  timeAudit,
  timeExport,
  timeReports,
} from './readTimings.mjs';
import { waitForCatalog, waitForIdle } from './settle.mjs';
import { Api, INGEST_CLIENTS, now, pluginDb } from './measure.mjs';
import { formatTable, prettify, writeDocs } from './report.mjs';

/** Timed requests per read series unless `--runs` says otherwise. */
const DEFAULT_RUNS = 100;

function parseArgs(argv) {
  const args = { size: 'S', db: 'sqlite', runs: DEFAULT_RUNS, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--size') args.size = value().toUpperCase();
    else if (a === '--db') args.db = value();
    else if (a === '--runs') args.runs = Number(value());
    else if (a === '--keep') args.keep = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!SIZES[args.size])
    throw new Error(`--size must be S, M or L, not ${args.size}`);
  if (!['sqlite', 'pg', 'both'].includes(args.db))
    throw new Error(`--db must be sqlite, pg or both, not ${args.db}`);
  if (!(args.runs >= 5 && args.runs <= 1000))
    throw new Error('--runs must be between 5 and 1000');
  return args;
}

const log = (...m) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

async function runOne(db, args, workDir, pgUrl, token) {
  const result = {
    db,
    size: args.size,
    rows: [],
    counts: {},
    started: new Date().toISOString(),
    // Other work on the machine skews the figures: recorded for the reader.
    loadAverageAtStart: os.loadavg().map(x => +x.toFixed(2)),
    // The machine's speed varies between days: a fixed task to compare by.
    referenceWorkMs: referenceWorkMs(),
  };
  const add = row => {
    result.rows.push(row);
    console.log(formatTable([row], { header: false }));
  };
  const fleet = planFleet(args.size, Date.now());
  const liveFrom = fleet.now - 8 * HOUR;
  result.fleet = {
    customers: fleet.customers.length,
    instances: fleet.instances.length,
    days: fleet.days,
    attempts: fleet.attempts,
  };

  // Client-side cost of producing the check-ins (both the API run and the floor pay it).
  let t = now();
  let generated = 0;
  for (const _ of backfillCheckIns(fleet, liveFrom)) generated++;
  generated += liveCheckIns(fleet, liveFrom).length;
  const generationPerSecond = generated / ((now() - t) / 1000);

  log(`${db}: starting the backend`);
  const backend = await startBackend({ db, workDir, pgUrl, token });
  result.backendStartSeconds = backend.startSeconds;
  result.backendRuntime = backend.runtime;
  log(
    `${db}: backend pid ${backend.pid} ready in ${backend.startSeconds.toFixed(
      1,
    )} s (${backend.baseUrl}, log ${backend.logFile})`,
  );
  const api = new Api(backend.baseUrl, token);
  let pdb;
  try {
    // Load: apps and customers (not a figure of the issue, but recorded).
    const { customerSeconds, backfill, live, attempts, portal } =
      await loadFleet(api, fleet, liveFrom, m => log(`${db}: ${m}`));
    add({
      figure: 'customers PUT (4 clients)',
      value: `${Math.round(
        fleet.customers.length / customerSeconds,
      )} customers/s`,
      floor: '',
      ratio: '',
    });
    result.ingest = { backfill, live, attempts, portal };
    const afterIngest = memoryOf(backend.pid);

    log(`${db}: waiting for the catalog to take in the new customers`);
    const catalogSeconds = await waitForCatalog(
      backend.baseUrl,
      token,
      fleet.customers.length,
    );
    const idle = await waitForIdle(backend.pid);
    add({
      figure:
        'settling before the reads: the catalog serving every customer entity, then the backend under 0.1 CPU s/s (5 s window)',
      value: `${Math.round(
        catalogSeconds + idle.waited,
      )} s (last window ${idle.perSecond.toFixed(2)} CPU s/s)`,
      floor: '',
      ratio: '',
    });

    pdb = await pluginDb(db, { workDir, pgUrl });
    for (const table of [
      'customers',
      'instances',
      'check_ins',
      'instance_events',
      'instance_spans',
      'install_attempt_events',
      'install_attempts',
      'portal_events',
    ]) {
      const [{ n }] = await pdb(table).count({ n: '*' });
      result.counts[table] = Number(n);
    }
    if (db === 'pg') {
      // Fresh tables: give the planner statistics, as autovacuum would.
      await pdb.raw('analyze');
      result.pgVersion = (
        await pdb.raw('show server_version')
      ).rows[0].server_version;
      result.pgSettings = {
        max_parallel_workers_per_gather: (
          await pdb.raw('show max_parallel_workers_per_gather')
        ).rows[0].max_parallel_workers_per_gather,
      };
    }

    const context = { db, args, result, fleet, backend, api, pdb, add, log };
    await timeReports(context);
    await timeAudit(context);
    await timeAdoption(context);
    await timeAlertEvaluation(context);
    await timeExport(context);
    const end = memoryOf(backend.pid);
    add({
      figure: 'backend RSS after ingest / lifetime peak (VmHWM)',
      value: `${afterIngest.rss.toFixed(0)} / ${end.hwm.toFixed(0)} MiB`,
      floor: '',
      ratio: '',
    });
    add({
      figure: 'requests repeated after a network error (bench client)',
      value: String(api.retries),
      floor: '',
      ratio: '',
    });
  } finally {
    if (pdb) await pdb.destroy();
    await backend.stop();
  }

  // 1. Ingest floors, with the backend stopped so it does not compete.
  log(
    `${db}: ingest floors (plain multi-row Knex inserts into a scratch database)`,
  );
  const source = await pluginDb(db, { workDir, pgUrl });
  let floor;
  try {
    floor = await ingestFloor(db, { workDir, pgUrl }, source, function* rows() {
      yield* backfillCheckIns(fleet, liveFrom);
      yield* liveCheckIns(fleet, liveFrom);
    });
  } finally {
    await source.destroy();
  }
  result.ingestFloor = floor;
  const { backfill, live, attempts, portal } = result.ingest;
  const perSecond = x =>
    `${Math.round(x.perSecond).toLocaleString('en-US')} items/s`;
  const ingestRows = [
    {
      figure: `ingest check-ins, backfill order (${backfill.count} items, batches of 500, ${INGEST_CLIENTS} senders with a share of the instances each)`,
      value: perSecond(backfill),
      floor: perSecond(floor),
      ratio: floor.perSecond / backfill.perSecond,
    },
    {
      figure: `ingest check-ins, live order (${live.count} items, last 8 h, time order, ${INGEST_CLIENTS} clients)`,
      value: perSecond(live),
      floor: perSecond(floor),
      ratio: floor.perSecond / live.perSecond,
    },
    {
      figure: `floor of every row the ingest keeps: the ${floor.count} check-ins + ${floor.allRows.derived.instance_events} events + ${floor.allRows.derived.instance_spans} spans + ${floor.allRows.derived.instances} instance rows, each written once`,
      value: perSecond(floor.allRows),
      floor: '',
      ratio: '',
    },
    {
      figure: 'ingest check-ins, backfill and live order together ÷ that floor',
      value: `${(
        (backfill.count + live.count) /
        (backfill.seconds + live.seconds) /
        floor.allRows.perSecond
      ).toFixed(2)} of its rate`,
      floor: '',
      ratio: '',
    },
    {
      figure: `ingest install attempt events (${attempts.count} items)`,
      value: perSecond(attempts),
      floor: '',
      ratio: '',
    },
    {
      figure: `ingest portal events (${portal.count} items)`,
      value: perSecond(portal),
      floor: '',
      ratio: '',
    },
    {
      figure: 'client-side generation of the check-ins (in both runs above)',
      value: `${Math.round(generationPerSecond).toLocaleString(
        'en-US',
      )} items/s`,
      floor: '',
      ratio: '',
    },
  ];
  ingestRows.forEach(r => console.log(formatTable([r], { header: false })));
  result.rows.unshift(...ingestRows);
  result.finished = new Date().toISOString();
  return result;
}

async function main() {
  // Page timings: the production build in Chromium (bench/pages.mjs).
  if (process.argv.includes('--pages'))
    return (await import('./pages.mjs')).main(process.argv.slice(2));
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(
      `yarn bench --size S|M|L --db sqlite|pg|both [--runs ${DEFAULT_RUNS}] [--keep]\nyarn bench --size M --pages [--image DIR]`,
    );
    return;
  }
  const dbs = args.db === 'both' ? ['sqlite', 'pg'] : [args.db];
  const pgUrl = process.env.BENCH_PG_URL;
  if (dbs.includes('pg') && !pgUrl)
    throw new Error(
      'BENCH_PG_URL is not set: run through `yarn bench` (bench/bench.sh starts PostgreSQL)',
    );
  const maxMinutes = { S: 15, M: 120, L: 480 }[args.size];
  const guard = setTimeout(() => {
    console.error(`[bench] giving up after ${maxMinutes} minutes`);
    process.exit(2);
  }, maxMinutes * 60_000);
  guard.unref();

  const workDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'customer-reporting-bench-'),
  );
  const token = randomBytes(24).toString('hex');
  log(
    `size ${args.size} ${JSON.stringify(
      SIZES[args.size],
    )}, databases: ${dbs.join(', ')}, work dir ${workDir}`,
  );
  const results = [];
  try {
    for (const db of dbs)
      results.push(await runOne(db, args, workDir, pgUrl, token));
  } finally {
    if (!args.keep) fs.rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir}`);
  }

  const command = `yarn bench --size ${args.size} --db ${args.db}${
    args.runs !== DEFAULT_RUNS ? ` --runs ${args.runs}` : ''
  }`;
  // BENCH_OUTPUT_DIR keeps smoke runs (npm test, CI) from rewriting the
  // committed results and docs/benchmarks.md.
  const outputDir = process.env.BENCH_OUTPUT_DIR;
  const resultsDir = outputDir
    ? path.join(outputDir, 'results')
    : path.join(REPO, 'bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  for (const r of results) {
    r.command = command;
    r.machine = {
      nproc: os.availableParallelism(),
      cpu: os.cpus()[0]?.model,
      memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      loadAverageAtEnd: os.loadavg().map(x => +x.toFixed(2)),
    };
    const file = path.join(resultsDir, `${r.size}-${r.db}.json`);
    fs.writeFileSync(file, prettify(`${JSON.stringify(r, null, 2)}\n`, file));
    console.log(`\n== ${r.size} on ${r.db} ==`);
    console.log(formatTable(r.rows));
  }
  const docs = writeDocs(
    resultsDir,
    outputDir
      ? path.join(outputDir, 'benchmarks.md')
      : path.join(REPO, 'docs/benchmarks.md'),
  );
  log(`wrote ${resultsDir}/*.json and ${docs}`);
}

main().catch(error => {
  console.error(`[bench] failed: ${error.stack ?? error}`);
  process.exit(1);
});
