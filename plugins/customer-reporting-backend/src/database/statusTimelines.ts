import { Knex } from 'knex';
import { AppStatus } from '@customer-reporting/plugin-customer-reporting-common';
import { chunk } from './chunk';
import {
  ObservationSpan,
  OBSERVATION_WINDOW_MS,
} from '../metrics/observationSpans';
import { StatusChange } from '../metrics/uptime';

/**
 * Status changes from the last one before `from` up to `to`, and the
 * observation spans that can reach into [from, to], per instance.
 */
export async function readStatusTimelines(
  db: Knex,
  instanceIds: string[],
  from: number,
  to: number,
) {
  const timelines = new Map<
    string,
    { changes: StatusChange[]; spans: ObservationSpan[] }
  >(instanceIds.map(id => [id, { changes: [], spans: [] }]));
  for (const ids of chunk(instanceIds, 500)) {
    const before = db('instance_events')
      .whereIn('instance_id', ids)
      .andWhere({ field: 'appStatus' })
      .andWhere('at', '<', from)
      .groupBy('instance_id')
      .select('instance_id')
      .max({ at: 'at' })
      .as('before');
    const [initial, inWindow, spans] = await Promise.all([
      db('instance_events as e')
        .join(before, function onBefore() {
          this.on('e.instance_id', '=', 'before.instance_id').andOn(
            'e.at',
            '=',
            'before.at',
          );
        })
        .where('e.field', 'appStatus')
        .select('e.instance_id', 'e.at', 'e.value'),
      db('instance_events')
        .whereIn('instance_id', ids)
        .andWhere({ field: 'appStatus' })
        .andWhere('at', '>=', from)
        .andWhere('at', '<=', to)
        .orderBy('at')
        .select('instance_id', 'at', 'value'),
      db('instance_spans')
        .whereIn('instance_id', ids)
        .andWhere('last_at', '>=', from - OBSERVATION_WINDOW_MS)
        .andWhere('start_at', '<=', to)
        .select('instance_id', 'start_at', 'last_at'),
    ]);
    for (const e of [...initial, ...inWindow]) {
      timelines.get(e.instance_id)!.changes.push({
        at: Number(e.at),
        status: JSON.parse(e.value) as AppStatus,
      });
    }
    for (const s of spans) {
      timelines.get(s.instance_id)!.spans.push({
        start: Number(s.start_at),
        last: Math.min(Number(s.last_at), to),
      });
    }
  }
  for (const t of timelines.values()) t.changes.sort((a, b) => a.at - b.at);
  return timelines;
}
