#!/usr/bin/env node
/*
 * Customer reporting backend benchmark. Usage (from the repository root):
 *
 *   yarn bench --size S|M|L --db sqlite|pg|both [--runs 30] [--keep]
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
import { memoryOf, REPO, sampleRss, startBackend } from './backend.mjs';
import { ingestFloor } from './ingestFloor.mjs';
import {
  backfillCheckIns,
  DAY,
  HOUR,
  liveCheckIns,
  planFleet,
  PROBES,
  SIZES,
} from './fleet.mjs';
import { loadFleet } from './loadFleet.mjs';
import { waitForCatalog, waitForIdle } from './settle.mjs';
import {
  Api,
  latencyStats,
  now,
  pluginDb,
  series,
  warmUp,
} from './measure.mjs';
import { formatTable, msCell, prettify, writeDocs } from './report.mjs';

function parseArgs(argv) {
  const args = { size: 'S', db: 'sqlite', runs: 30, keep: false };
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

/** Minimal SQL for one report: the customer, its instances, and the status events and spans of the window. */
async function reportFloor(k, customerId, from, to) {
  const ids = () =>
    k('instances').where({ customer_id: customerId }).select('id');
  await k('customers').where({ id: customerId }).first();
  await k('instances').where({ customer_id: customerId });
  await k('instance_events')
    .whereIn('instance_id', ids())
    .andWhere({ field: 'appStatus' })
    .andWhere('at', '>=', from)
    .andWhere('at', '<=', to)
    .select('instance_id', 'at', 'value');
  await k('instance_spans')
    .whereIn('instance_id', ids())
    .andWhere('last_at', '>=', from - DAY)
    .andWhere('start_at', '<=', to);
}

async function exportOnce(api) {
  const res = await fetch(`${api.base}/v1/exports/customers-instances.csv`, {
    headers: api.headers,
  });
  if (!res.ok)
    throw new Error(
      `export → ${res.status}: ${(await res.text()).slice(0, 300)}`,
    );
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { bytes, rows: lines - 1 };
}

async function runOne(db, args, workDir, pgUrl, token) {
  const result = {
    db,
    size: args.size,
    rows: [],
    counts: {},
    started: new Date().toISOString(),
    // Other work on the machine skews the figures: recorded for the reader.
    loadAverageAtStart: os.loadavg().map(x => +x.toFixed(2)),
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
    }

    // 2 + 3. Customer reports.
    log(`${db}: timing customer reports (${args.runs} requests each)`);
    const asOf = Date.now();
    const windowStart = Math.floor(asOf / DAY) * DAY - 13 * DAY;
    const reportP50 = {};
    // Timed warm, as a backend serving reports all day is: the report, the
    // no-op and the floor each run 200 times untimed first.
    await warmUp(async () => {
      await api.read('/v1/customers/probe-50/report?includeInactive=true');
      await api.noop();
      await reportFloor(pdb, 'probe-50', windowStart, asOf);
    });
    // The fairer floor beside the SQL one: what Backstage costs any request.
    const noop = await series(() => api.noop(), { runs: args.runs });
    add({
      figure:
        'authenticated no-op request (static token checked, routed into the plugin, 404)',
      value: noop,
      floor: '',
      ratio: '',
    });
    for (const probe of PROBES) {
      const route = `/v1/customers/${probe.id}/report?includeInactive=true`;
      const report = await api.get(route);
      if (report.instances.length !== probe.instances)
        throw new Error(
          `${probe.id}: report shows ${report.instances.length} instances, expected ${probe.instances}`,
        );
      const apiStats = await series(() => api.read(route), { runs: args.runs });
      const floorStats = await series(
        () => reportFloor(pdb, probe.id, windowStart, asOf),
        { runs: args.runs },
      );
      reportP50[probe.id] = apiStats.p50;
      add({
        figure: probe.label,
        value: apiStats,
        floor: floorStats,
        ratio: apiStats.p50 / floorStats.p50,
      });
      add({
        figure: `${probe.label}, p50 against SQL floor + no-op request`,
        value: `p50 ${msCell(apiStats.p50)} ms`,
        floor: `p50 ${msCell(floorStats.p50)} + ${msCell(noop.p50)} ms`,
        ratio: apiStats.p50 / (floorStats.p50 + noop.p50),
      });
    }
    add({
      figure: 'report 90 d ÷ 14 d of history (p50, 50 instances)',
      value: `${(
        reportP50['probe-hist-90'] / reportP50['probe-hist-14']
      ).toFixed(2)}×`,
      floor: '',
      ratio: '',
    });

    // 4. Install audit.
    log(
      `${db}: timing the install audit over ${result.counts.install_attempts} attempts`,
    );
    const auditFloor = await series(
      () =>
        pdb('install_attempts')
          .groupBy('install_type', 'furthest_step')
          .select('install_type', 'furthest_step')
          .count({ n: '*' }),
      { runs: 10, warmup: 2 },
    );
    for (const route of ['summary', 'funnel', 'failure-groups']) {
      const stats = await series(
        () => api.read(`/v1/install-attempts/${route}`),
        { runs: 10, warmup: 2 },
      );
      add({
        figure: `GET /v1/install-attempts/${route} (${result.counts.install_attempts} attempts)`,
        value: stats,
        floor: auditFloor,
        ratio: stats.p50 / auditFloor.p50,
      });
    }

    // 4b. Adoption over time: one grouped query per range (docs/adoption.md).
    log(`${db}: timing the adoption route`);
    const adoptionFloor = await series(
      () =>
        pdb('instance_events')
          .whereIn('field', ['releaseSequence', 'appStatus'])
          .groupBy('field')
          .select('field')
          .count({ n: '*' }),
      { runs: 10, warmup: 2 },
    );
    for (const range of ['90d', '1y']) {
      const stats = await series(
        () => api.read(`/v1/apps/nimbus/adoption?range=${range}`),
        { runs: 10, warmup: 2 },
      );
      add({
        figure: `GET /v1/apps/nimbus/adoption?range=${range} (half of the ${result.counts.instances} instances)`,
        value: stats,
        floor: adoptionFloor,
        ratio: stats.p50 / adoptionFloor.p50,
      });
    }

    // 4c. Alert evaluation after ingest (docs/alerts.md): the same kind of
    // live batch (500 instances, one new check-in each) without rules, then
    // with one rule of each event type judged for the customers the batch
    // touched before the answer; the difference is the evaluator's cost per
    // batch. Times after the fleet's last check-in, one second apart.
    log(`${db}: timing alert evaluation per ingest batch`);
    const batchInstances = fleet.instances.slice(0, 500);
    let alertBatchAt = fleet.now;
    const alertBatch = () => {
      alertBatchAt += 1000;
      return api.send('POST', '/v1/check-ins', {
        checkIns: batchInstances.map(i => ({
          instanceId: i.id,
          customerId: i.customer.id,
          at: new Date(alertBatchAt).toISOString(),
          appStatus: 'ready',
        })),
      });
    };
    const withoutRules = await series(alertBatch, { runs: 10, warmup: 2 });
    for (const eventType of [
      'instance-unavailable',
      'instance-inactive',
      'install-attempt-failed',
      'license-expiring',
      'versions-behind',
      'instance-first-ready',
    ])
      await api.send('PUT', `/v1/alerts/rules/bench-${eventType}`, {
        name: `bench ${eventType}`,
        eventType,
        recipients: ['user:default/bench'],
      });
    const withRules = await series(alertBatch, { runs: 10, warmup: 2 });
    const customersTouched = new Set(batchInstances.map(i => i.customer.id))
      .size;
    add({
      figure: `POST /v1/check-ins, 500 instances of ${customersTouched} customers, with one alert rule per event type (floor: without rules); evaluator ≈ ${Math.round(
        withRules.p50 - withoutRules.p50,
      )} ms per batch`,
      value: withRules,
      floor: withoutRules,
      ratio: withRules.p50 / withoutRules.p50,
    });

    // 5. CSV export of all instances: time and backend memory.
    log(`${db}: timing the customers-instances CSV export`);
    const rssBefore = memoryOf(backend.pid).rss;
    const sampler = sampleRss(backend.pid);
    const exportTimes = [];
    let exported;
    for (let i = 0; i < 3; i++) {
      t = now();
      exported = await exportOnce(api);
      exportTimes.push(now() - t);
    }
    const peak = sampler.stop();
    const exportFloor = [];
    for (let i = 0; i < 3; i++) {
      t = now();
      await pdb('instances as i')
        .join('customers as c', 'c.id', 'i.customer_id')
        .orderBy(['i.customer_id', 'i.id'])
        .select('i.*', 'c.name');
      exportFloor.push(now() - t);
    }
    const exportStats = latencyStats(exportTimes);
    const exportFloorStats = latencyStats(exportFloor);
    add({
      figure: `CSV export, ${exported.rows} instances (${(
        exported.bytes / 1048576
      ).toFixed(1)} MiB), median of 3`,
      value: `${Math.round(exportStats.p50)} ms`,
      floor: `${Math.round(exportFloorStats.p50)} ms`,
      ratio: exportStats.p50 / exportFloorStats.p50,
    });
    add({
      figure: 'backend RSS during export: before → peak (sampled every 20 ms)',
      value: `${rssBefore.toFixed(0)} → ${peak.toFixed(0)} MiB (+${(
        peak - rssBefore
      ).toFixed(0)})`,
      floor: '',
      ratio: '',
    });
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
      figure: `ingest check-ins, backfill order (${backfill.count} items, batches of 500, 4 clients)`,
      value: perSecond(backfill),
      floor: perSecond(floor),
      ratio: floor.perSecond / backfill.perSecond,
    },
    {
      figure: `ingest check-ins, live order (${live.count} items, last 8 h, time order)`,
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
      'yarn bench --size S|M|L --db sqlite|pg|both [--runs 30] [--keep]\nyarn bench --size M --pages [--image DIR]',
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
    args.runs !== 30 ? ` --runs ${args.runs}` : ''
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
