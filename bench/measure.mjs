/*
 * Measurement helpers: HTTP ingest with N concurrent clients, latency
 * series, and the floors (plain Knex against the same database engine).
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { REPO } from './backend.mjs';
import { batches } from './fleetCheckIns.mjs';

const requireFromPlugin = createRequire(
  path.join(REPO, 'plugins/customer-reporting-backend/package.json'),
);
const knexFactory = requireFromPlugin('knex');

export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Concurrent senders of every ingest: backfill shares, live order, events. */
export const INGEST_CLIENTS = 4;

/** Throws, naming the request and the answer's start, unless `status` is 2xx. */
function assertOk(method, route, status, text) {
  if (status < 200 || status >= 300)
    throw new Error(`${method} ${route} → ${status}: ${text.slice(0, 500)}`);
}

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    )
  ];
}

export function latencyStats(ms) {
  return {
    n: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
  };
}

export class Api {
  constructor(baseUrl, token) {
    this.base = `${baseUrl}/api/customer-reporting`;
    this.headers = {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    };
  }

  /** Network errors retried: every request of the bench is idempotent. */
  retries = 0;

  /** The connections `post` keeps open between batches. */
  agent = new http.Agent({ keepAlive: true });

  /**
   * Repeats `request` after a network error, at most twice: a keep-alive
   * connection the server closed just as it was reused fails before the
   * request is handled, and every request of the bench is idempotent.
   */
  async retried(method, route, request) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (error) {
        if (attempt === 3) throw error;
        this.retries++;
        console.error(
          `[bench] ${method} ${route}: ${
            error.cause?.code ?? error.code ?? error.message
          }, retrying`,
        );
      }
    }
  }

  /**
   * The whole answer's body as text, after a 2xx. Timed reads time this:
   * the request, the transfer and the decompression of the body, but not
   * the client's JSON parsing, which is not the server's latency.
   */
  async text(method, route, body) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await this.retried(method, route, () =>
      fetch(`${this.base}${route}`, {
        method,
        headers: this.headers,
        body: payload,
      }),
    );
    const text = await res.text();
    assertOk(method, route, res.status, text);
    return text;
  }

  async send(method, route, body) {
    const text = await this.text(method, route, body);
    return text ? JSON.parse(text) : undefined;
  }

  /**
   * A POST of a JSON body through node:http rather than fetch, for the
   * ingest: it sends hundreds of 250 KB bodies a second from the two cores
   * it measures, and fetch took about 0.6 ms more CPU per such request
   * (against a local server that drops the body), 1.2 µs per check-in.
   * Reads keep fetch: the no-op they are compared with is timed with it.
   */
  async post(route, body) {
    const payload = Buffer.from(JSON.stringify(body));
    const url = new URL(`${this.base}${route}`);
    const send = () =>
      new Promise((resolve, reject) => {
        const req = http.request(
          url,
          {
            method: 'POST',
            agent: this.agent,
            headers: { ...this.headers, 'Content-Length': payload.length },
          },
          res => {
            const chunks = [];
            res.on('data', chunk => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () =>
              resolve({
                status: res.statusCode,
                text: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    const { status, text } = await this.retried('POST', route, send);
    assertOk('POST', route, status, text);
    return JSON.parse(text);
  }

  get(route) {
    return this.send('GET', route);
  }

  /** A GET as timed reads time it: the body read in full, not parsed. */
  read(route) {
    return this.text('GET', route);
  }

  /**
   * The fixed cost of any API read, without our work: a GET of a path the
   * plugin does not have, with the same token. Backstage checks the token
   * (the credentials barrier), logs the request and routes it into the
   * plugin's router, which answers 404; a 401 would mean the token was
   * not checked the same way, so anything but 404 fails the run.
   */
  async noop() {
    const res = await fetch(`${this.base}/v1/bench-no-op`, {
      headers: this.headers,
    });
    await res.arrayBuffer();
    if (res.status !== 404)
      throw new Error(`no-op request → ${res.status}, expected 404`);
  }
}

/**
 * Runs `work(item)` over `items` (an iterator) with `concurrency` workers
 * pulling from the same iterator. Returns the elapsed milliseconds.
 */
export async function pool(items, concurrency, work) {
  const iterator = items[Symbol.iterator]();
  const start = now();
  let failed;
  const worker = async () => {
    for (;;) {
      if (failed) return;
      const { value, done } = iterator.next();
      if (done) return;
      try {
        await work(value);
      } catch (error) {
        failed = error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failed) throw failed;
  return now() - start;
}

/**
 * Posts batches through an ingest route, `clients` senders pulling from
 * each stream of batches, every stream at once; items/s and totals.
 */
async function postBatches(api, route, key, streams, clients) {
  const totals = { count: 0, accepted: 0, duplicates: 0 };
  const start = now();
  await Promise.all(
    streams.map(stream =>
      pool(stream, clients, async batch => {
        const result = await api.post(route, { [key]: batch });
        totals.accepted += result.accepted;
        totals.duplicates += result.duplicates;
        totals.count += batch.length;
      }),
    ),
  );
  const seconds = (now() - start) / 1000;
  return { ...totals, seconds, perSecond: totals.count / seconds };
}

/** Items in batches, `clients` senders taking the next batch of one stream. */
export function ingest(
  api,
  route,
  key,
  items,
  { batchSize = 500, clients = INGEST_CLIENTS } = {},
) {
  return postBatches(api, route, key, [batches(items, batchSize)], clients);
}

/** One sender per share (fleetCheckIns.mjs, backfillShares), side by side. */
export function ingestShares(
  api,
  route,
  key,
  shares,
  { batchSize = 500 } = {},
) {
  return postBatches(
    api,
    route,
    key,
    shares.map(share => batches(share, batchSize)),
    1,
  );
}

/**
 * Runs `fn` `times` times, untimed: V8 optimises a code path only after it
 * has run for a while, and a backend serving reports all day runs the
 * optimised code (bench/README.md, "What is measured").
 */
export async function warmUp(fn, times = 200) {
  for (let i = 0; i < times; i++) await fn();
}

/**
 * Times `fn` `runs` times after `warmup` untimed runs, stopping early once
 * `maxMs` have passed; milliseconds each.
 */
export async function series(fn, { runs, warmup = 3, maxMs = 120_000 }) {
  const [stats] = await interleavedSeries([fn], {
    runs,
    block: runs,
    warmup,
    maxMs,
  });
  return stats;
}

/**
 * Times each of `fns` `runs` times after `warmup` untimed calls of each, in
 * turns of `block` consecutive calls (ten of the first, ten of the second,
 * ..., then the first again), stopping early once `maxMs` have passed, and
 * returns the milliseconds of each. The ratios of one to another are the
 * figures: timed one whole series after the other, a machine whose speed
 * drifts over the minutes of a run moved the same code's report ratio from
 * 1.5 to 2.9x within one run (session 21). Taking turns spreads the drift
 * over all of them, while a block's consecutive calls keep each one's
 * caches as warm as a series does.
 */
export async function interleavedSeries(
  fns,
  { runs, block = 10, warmup = 3, maxMs = 120_000 },
) {
  for (const fn of fns) for (let i = 0; i < warmup; i++) await fn();
  const times = fns.map(() => []);
  const deadline = now() + maxMs;
  while (times[0].length < runs) {
    const calls = Math.min(block, runs - times[0].length);
    for (const [k, fn] of fns.entries())
      for (let i = 0; i < calls; i++) {
        const t = now();
        await fn();
        times[k].push(now() - t);
        if (now() > deadline) return times.map(latencyStats);
      }
  }
  return times.map(latencyStats);
}

/** A Knex connection to the plugin's own database, as the backend created it. */
export async function pluginDb(db, { workDir, pgUrl }) {
  if (db === 'sqlite') {
    const dir = path.join(workDir, 'sqlite');
    const file = fs
      .readdirSync(dir)
      .find(f => f.startsWith('customer-reporting') && f.endsWith('.sqlite'));
    if (!file) throw new Error(`no customer-reporting SQLite file in ${dir}`);
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, file) },
      useNullAsDefault: true,
    });
  }
  const admin = knexFactory({ client: 'pg', connection: pgUrl });
  const { rows } = await admin.raw(
    `select datname from pg_database where datname like '%customer-reporting%' or datname like '%customer_reporting%'`,
  );
  await admin.destroy();
  if (rows.length !== 1)
    throw new Error(
      `expected one customer-reporting database, found ${JSON.stringify(rows)}`,
    );
  const url = new URL(pgUrl);
  url.pathname = `/${encodeURIComponent(rows[0].datname)}`;
  return knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 4 },
  });
}

export { knexFactory };
