/*
 * Waiting for the backend to settle after a load, before timing reads: the
 * catalog module publishes every new customer as an entity, and Backstage's
 * catalog processes and stitches each new entity once, on the backend's
 * event loop, minutes of work at L that a read would otherwise wait behind.
 * That first processing is a one-off of the load, not the steady state the
 * read figures describe (the periodic re-processing, every
 * `catalog.processingInterval`, still runs during the reads).
 */
import fs from 'node:fs';
import { now } from './measure.mjs';

/** Backend CPU seconds (utime + stime) from /proc. */
export function cpuSeconds(pid) {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .split(') ')[1]
    .split(' ');
  // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 /s).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Waits until the catalog serves every customer entity; seconds waited. */
export async function waitForCatalog(baseUrl, token, expected) {
  const t = now();
  const url = `${baseUrl}/api/catalog/entities/by-query?filter=kind=resource,spec.type=customer&limit=1`;
  for (;;) {
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`catalog answered ${res.status}`);
    const { totalItems } = await res.json();
    if (totalItems >= expected) return (now() - t) / 1000;
    if (now() - t > 20 * 60_000)
      throw new Error(`catalog has ${totalItems} of ${expected} customers`);
    await new Promise(r => setTimeout(r, 2000));
  }
}

/**
 * Waits until the backend uses less than `maxCpuPerSecond` of a core over
 * a 5 s window, at most `timeoutSeconds`; returns the seconds waited and
 * the last window's CPU per second.
 */
export async function waitForIdle(
  pid,
  { maxCpuPerSecond = 0.1, timeoutSeconds = 300 } = {},
) {
  const t = now();
  for (;;) {
    const cpu0 = cpuSeconds(pid);
    await new Promise(r => setTimeout(r, 5000));
    const perSecond = (cpuSeconds(pid) - cpu0) / 5;
    const waited = (now() - t) / 1000;
    if (perSecond < maxCpuPerSecond || waited >= timeoutSeconds)
      return { waited, perSecond };
  }
}
