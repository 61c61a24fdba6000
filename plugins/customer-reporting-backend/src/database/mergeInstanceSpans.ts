import { Knex } from 'knex';
import { chunk, ROWS_PER_INSERT } from './chunk';
import { Upsert } from './bulkRows';
import { INSTANCE_SPANS } from './ingestTables';
import { whereAnyOf } from './whereAnyOf';
import {
  mergeObservationSpans,
  OBSERVATION_WINDOW_MS,
} from '../metrics/observationSpans';

/**
 * Merges the new check-in times of a batch into the instances' observation
 * spans with a bounded number of statements however many instances the
 * batch touches: one read of the spans the new times can touch, and
 * deletes only where spans joined. Returns the upsert of the spans that
 * grew or appeared, for the caller to send with its other upserts.
 */
export async function mergeInstanceSpans(
  tx: Knex.Transaction,
  timesByInstance: Map<string, number[]>,
): Promise<Upsert> {
  const ids = [...timesByInstance.keys()];
  const all = [...timesByInstance.values()].flat();
  const lo = Math.min(...all) - OBSERVATION_WINDOW_MS;
  const hi = Math.max(...all) + OBSERVATION_WINDOW_MS;
  const touching = new Map<string, { start: number; last: number }[]>();
  for (const part of chunk(ids, ROWS_PER_INSERT)) {
    const rows = await whereAnyOf(tx, tx('instance_spans'), 'instance_id', part)
      .andWhere('last_at', '>=', lo)
      .andWhere('start_at', '<=', hi)
      .select('instance_id', 'start_at', 'last_at');
    for (const r of rows) {
      const spans = touching.get(r.instance_id) ?? [];
      spans.push({ start: Number(r.start_at), last: Number(r.last_at) });
      touching.set(r.instance_id, spans);
    }
  }

  const upserts: [string, number, number][] = [];
  for (const [instanceId, times] of timesByInstance) {
    const from = Math.min(...times) - OBSERVATION_WINDOW_MS;
    const to = Math.max(...times) + OBSERVATION_WINDOW_MS;
    const existing = (touching.get(instanceId) ?? []).filter(
      s => s.last >= from && s.start <= to,
    );
    const merged = mergeObservationSpans(existing, times);
    const kept = new Set(merged.map(s => s.start));
    const absorbed = existing.filter(s => !kept.has(s.start));
    if (absorbed.length > 0) {
      await tx('instance_spans')
        .where({ instance_id: instanceId })
        .whereIn(
          'start_at',
          absorbed.map(s => s.start),
        )
        .delete();
    }
    for (const span of merged) {
      const before = existing.find(s => s.start === span.start);
      if (before?.last === span.last) continue;
      upserts.push([instanceId, span.start, span.last]);
    }
  }
  return { table: INSTANCE_SPANS, rows: upserts, update: ['last_at'] };
}
