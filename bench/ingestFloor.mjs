/*
 * The ingest floors: what the same database engine needs to store the rows
 * of the check-in load with nothing but plain multi-row Knex inserts
 * (batches of 500, 4 clients at a time) into tables created by the plugin's
 * own migration, in a scratch database. Run with the backend stopped.
 *
 *   - check-in rows: the rows the clients sent;
 *   - every row the ingest keeps: those check-ins plus the rows derived from
 *     them (change events, observation spans, one summary row per instance),
 *     each written once, copied from the backend's database after the load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './backend.mjs';
import { batches, checkInRow } from './fleetCheckIns.mjs';
import { knexFactory, pool } from './measure.mjs';

const BATCH = 500;
const CLIENTS = 4;
const PAGE = 20_000;

/** Derived tables and their primary keys, for keyset paging. */
const DERIVED = [
  { table: 'instance_events', key: ['instance_id', 'field', 'at'] },
  { table: 'instance_spans', key: ['instance_id', 'start_at'] },
  { table: 'instances', key: ['id'] },
];

async function scratchDb(db, { workDir, pgUrl }) {
  if (db === 'sqlite') {
    const file = path.join(workDir, 'floor.sqlite');
    fs.rmSync(file, { force: true });
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
  }
  const admin = knexFactory({ client: 'pg', connection: pgUrl });
  await admin.raw('drop database if exists bench_floor');
  await admin.raw('create database bench_floor');
  await admin.destroy();
  const url = new URL(pgUrl);
  url.pathname = '/bench_floor';
  return knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: CLIENTS },
  });
}

/** Copies a table page by page; only the inserts are timed. */
async function copyTable(source, target, { table, key }) {
  let after;
  let rows = 0;
  let ms = 0;
  for (;;) {
    const query = source(table).orderBy(key).limit(PAGE);
    if (after)
      query.whereRaw(
        `(${key.join(', ')}) > (${key.map(() => '?').join(', ')})`,
        after,
      );
    const page = await query;
    if (page.length === 0) return { rows, ms };
    ms += await pool(batches(page, BATCH), CLIENTS, batch =>
      target(table).insert(batch),
    );
    rows += page.length;
    const last = page[page.length - 1];
    after = key.map(k => last[k]);
  }
}

/**
 * Returns the check-in floor ({count, seconds, perSecond}) and, under
 * `allRows`, the floor of every row the ingest keeps.
 */
export async function ingestFloor(db, where, source, checkIns) {
  const knex = await scratchDb(db, where);
  try {
    await knex.migrate.latest({
      directory: path.join(
        REPO,
        'plugins/customer-reporting-backend/migrations',
      ),
    });
    const receivedAt = Date.now();
    let count = 0;
    const checkInMs = await pool(
      batches(checkIns(), BATCH),
      CLIENTS,
      async batch => {
        await knex('check_ins').insert(
          batch.map(c => checkInRow(c, receivedAt)),
        );
        count += batch.length;
      },
    );
    const derived = {};
    let derivedMs = 0;
    for (const spec of DERIVED) {
      const { rows, ms } = await copyTable(source, knex, spec);
      derived[spec.table] = rows;
      derivedMs += ms;
    }
    const seconds = checkInMs / 1000;
    const allSeconds = (checkInMs + derivedMs) / 1000;
    return {
      count,
      seconds,
      perSecond: count / seconds,
      allRows: { derived, seconds: allSeconds, perSecond: count / allSeconds },
    };
  } finally {
    await knex.destroy();
  }
}
