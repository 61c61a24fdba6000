/*
 * Loads a planned fleet (bench/fleet.mjs) into a running backend through
 * the HTTP API: apps, customers, check-ins (backfill then live order),
 * install attempt and portal events. Shared by the API bench (bench/run.mjs),
 * which times each step, and the page timings (bench/pages.mjs).
 */
import { backfillShares, liveCheckIns } from './fleetCheckIns.mjs';
import { attemptEvents, portalEvents } from './fleetEvents.mjs';
import { ingest, ingestShares, INGEST_CLIENTS, now, pool } from './measure.mjs';

/**
 * Returns the customers' PUT time in seconds and each ingest's totals
 * (`ingest` of measure.mjs); throws when a check-in was not accepted.
 */
export async function loadFleet(api, fleet, liveFrom, log) {
  for (const app of fleet.apps)
    await api.send('PUT', `/v1/apps/${app.slug}`, app.body);
  const t = now();
  await pool(fleet.customers, 4, c =>
    api.send('PUT', `/v1/customers/${c.id}`, c.body),
  );
  const customerSeconds = (now() - t) / 1000;

  log(
    `ingesting check-ins (backfill order: ${INGEST_CLIENTS} senders, each instance by instance through its share)`,
  );
  const backfill = await ingestShares(
    api,
    '/v1/check-ins',
    'checkIns',
    backfillShares(fleet, liveFrom, INGEST_CLIENTS),
  );
  log(
    'ingesting the last 8 h of check-ins (live order: time order across instances)',
  );
  const live = await ingest(
    api,
    '/v1/check-ins',
    'checkIns',
    liveCheckIns(fleet, liveFrom),
  );
  if (backfill.accepted !== backfill.count || live.accepted !== live.count)
    throw new Error(
      `check-ins not all accepted: ${JSON.stringify({ backfill, live })}`,
    );
  log('ingesting install attempt and portal events');
  const attempts = await ingest(
    api,
    '/v1/install-attempt-events',
    'events',
    attemptEvents(fleet),
  );
  const portal = await ingest(
    api,
    '/v1/portal-events',
    'events',
    portalEvents(fleet),
  );
  return { customerSeconds, backfill, live, attempts, portal };
}
