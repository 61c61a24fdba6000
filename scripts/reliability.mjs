#!/usr/bin/env node
// `yarn reliability`: the heavy reliability runs against real backends on a
// throwaway PostgreSQL 15 cluster (the fast versions run in CI as jest tests).
//   1. two backend processes on one database, ingest split across both;
//   2. the database stopped for 5 s in the middle of the load and started again;
//   3. afterwards every acknowledged check-in is stored exactly once, the
//      backends answer again without a restart, and the catalog refresh task
//      (scheduled in both processes) ran once, not twice.
// Prints the figures and writes docs/reliability.md.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startBackend } from './reliability/backend.mjs';
import { freePort, startCluster } from './reliability/cluster.mjs';
import { call, runClient } from './reliability/load.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const BATCHES = Number(process.env.RELIABILITY_BATCHES ?? 200);
const CLIENTS = 16;
const SIZE = 100;
const work = mkdtempSync(join(tmpdir(), 'reliability-'));
const cleanup = [];
const stopAll = () =>
  cleanup.reverse().forEach(fn => {
    try {
      fn();
    } catch {
      /* best effort */
    }
  });
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
const deadline = setTimeout(() => {
  console.error('reliability: time limit reached');
  stopAll();
  process.exit(1);
}, 30 * 60_000);

try {
  const cluster = await startCluster();
  cleanup.push(() => cluster.destroy());
  console.log(`[reliability] PostgreSQL on port ${cluster.port}`);
  const backends = [];
  for (const name of ['a', 'b']) {
    const backend = await startBackend({
      repoRoot,
      port: await freePort(),
      pgUrl: cluster.url,
      logFile: join(work, `backend-${name}.log`),
    });
    cleanup.push(() => backend.stop());
    backends.push(backend);
    console.log(`[reliability] backend ${name} on port ${backend.port}`);
  }
  const [a, b] = backends;
  const app = {
    name: 'Reliability',
    channels: [{ slug: 'stable', name: 'Stable', releases: [] }],
  };
  if ((await call(a.port, 'PUT', '/v1/apps/rel-app', app)).status !== 200)
    throw new Error('could not create the app');
  const customer = {
    name: 'Reliability Co',
    appSlug: 'rel-app',
    channelSlug: 'stable',
    licenseType: 'paid',
    licenseId: 'lic-rel',
    createdAt: new Date(Date.now() - 86_400_000).toISOString(),
    features: {
      gitops: false,
      airgap: false,
      identity: false,
      snapshots: false,
    },
  };
  if (
    (await call(b.port, 'PUT', '/v1/customers/rel-customer', customer))
      .status !== 200
  )
    throw new Error('could not create the customer');

  const stats = {
    accepted: 0,
    duplicates: 0,
    batches: 0,
    retries: {},
    acknowledged: new Set(),
  };
  // One minute per item, all in the past (the API refuses times ahead of now).
  const start = Date.now() - BATCHES * SIZE * 60_000 - 86_400_000;
  const began = Date.now();
  let outage;
  const load = Promise.all(
    Array.from({ length: CLIENTS }, (_, id) =>
      runClient({
        id,
        port: id % 2 ? b.port : a.port,
        batches: BATCHES,
        size: SIZE,
        start: start + id * 1000,
        stats,
      }),
    ),
  );
  // The outage: once a third of the batches are in, stop the database for 5 s.
  while (stats.batches < (CLIENTS * BATCHES) / 3)
    await new Promise(r => setTimeout(r, 100));
  const stoppedAt = Date.now();
  cluster.stop();
  await new Promise(r => setTimeout(r, 5000));
  cluster.start();
  outage = {
    stoppedAt: stoppedAt - began,
    restartedAfterMs: Date.now() - stoppedAt,
  };
  const sentUnique = (await load).reduce((x, y) => x + y, 0);
  const elapsed = Date.now() - began;

  const client = new pg.Client({
    connectionString: `${cluster.url}/backstage_plugin_customer-reporting`,
  });
  await client.connect();
  const { rows } = await client.query(
    `select instance_id, at from check_ins where instance_id like 'rel-%'`,
  );
  await client.end();
  const stored = new Set(
    rows.map(r => `${r.instance_id}@${new Date(Number(r.at)).toISOString()}`),
  );
  const missing = [...stats.acknowledged].filter(key => !stored.has(key));
  const after = await call(a.port, 'GET', '/v1/customers?search=Reliability');

  // Give the catalog refresh (first run 15 s after start) time, then count its runs.
  await new Promise(r => setTimeout(r, 5000));
  const refreshRuns = backends.map(
    x =>
      (
        readFileSync(x.log, 'utf8').match(
          /Published \d+ customers to the catalog/g,
        ) ?? []
      ).length,
  );

  const figures = [
    ['backend processes on one database', 2],
    ['clients × batches × items', `${CLIENTS} × ${BATCHES} × ${SIZE}`],
    ['unique check-ins sent', sentUnique],
    ['stored rows', rows.length],
    ['acknowledged and missing', missing.length],
    ['accepted (sum of answers)', stats.accepted],
    ['duplicates (sum of answers)', stats.duplicates],
    ['retries by cause', JSON.stringify(stats.retries)],
    [
      'database stopped at',
      `${(outage.stoppedAt / 1000).toFixed(1)} s, back after ${(
        outage.restartedAfterMs / 1000
      ).toFixed(1)} s`,
    ],
    ['read after the outage (no restart)', after.status],
    ['catalog refresh runs (backend a + b)', refreshRuns.join(' + ')],
    ['wall time', `${(elapsed / 1000).toFixed(1)} s`],
  ];
  const ok =
    rows.length === sentUnique &&
    missing.length === 0 &&
    stats.accepted === sentUnique &&
    after.status === 200 &&
    refreshRuns.reduce((x, y) => x + y, 0) === 1;
  console.table(Object.fromEntries(figures));
  writeFileSync(
    join(repoRoot, 'docs/reliability.md'),
    `# Reliability\n\nWhat \`yarn reliability\` (scripts/reliability.mjs) measured on ${new Date()
      .toISOString()
      .slice(0, 10)}` +
      ` (${(await import('node:os')).cpus().length} cores, Node ${
        process.version
      }, PostgreSQL 15 throwaway cluster):\n\n` +
      `| figure | value |\n|---|---|\n${figures
        .map(([k, v]) => `| ${k} | ${v} |`)
        .join('\n')}\n\n` +
      `Result: **${
        ok ? 'pass' : 'FAIL'
      }** — every acknowledged check-in stored exactly once, accepted = unique items, ` +
      `reads answered after the outage without a restart, and the scheduled catalog refresh ran once across both processes.\n\n` +
      `The fast versions run in CI (jest, SQLite and PostgreSQL): \`src/reliability/\` in the backend plugin — ` +
      `concurrent ingest with replays (16 clients), hostile payloads (200+ per ingest route), the auth matrix of every route.\n`,
  );
  console.log(
    ok ? 'reliability: 1 passed, 0 failed' : 'reliability: 0 passed, 1 failed',
  );
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  stopAll();
}
