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
    // The change in force at `from` is one index seek per instance (a
    // scalar max), not a scan of all its history before the window.
    const before = db('instances as i')
      .whereIn('i.id', ids)
      .select(
        'i.id as instance_id',
        db('instance_events as b')
          .where('b.instance_id', db.ref('i.id'))
          .andWhere('b.field', 'appStatus')
          .andWhere('b.at', '<', from)
          .max('b.at')
          .as('at'),
      )
      .as('before');
    // One statement for the three reads (the change in force at `from`, the
    // changes of the window, the spans): a report pays per statement, on
    // SQLite in Knex and on PostgreSQL in round trips. `kind` tells the rows
    // apart; `last_at` is null for changes, `value` for spans (typed, as
    // PostgreSQL types an untyped null of the first member as text).
    const rows: {
      kind: 'change' | 'span';
      instance_id: string;
      at: unknown;
      value: string | null;
      last_at: unknown;
    }[] = await db('instance_events as e')
      .join(before, function onBefore() {
        this.on('e.instance_id', '=', 'before.instance_id').andOn(
          'e.at',
          '=',
          'before.at',
        );
      })
      .where('e.field', 'appStatus')
      .select(
        db.raw(`'change' as kind`),
        'e.instance_id',
        'e.at',
        'e.value',
        db.raw('cast(null as bigint) as last_at'),
      )
      .unionAll(
        [
          db('instance_events')
            .whereIn('instance_id', ids)
            .andWhere({ field: 'appStatus' })
            .andWhere('at', '>=', from)
            .andWhere('at', '<=', to)
            .select(
              db.raw(`'change' as kind`),
              'instance_id',
              'at',
              'value',
              db.raw('cast(null as bigint) as last_at'),
            ),
          db('instance_spans')
            .whereIn('instance_id', ids)
            .andWhere('last_at', '>=', from - OBSERVATION_WINDOW_MS)
            .andWhere('start_at', '<=', to)
            .select(
              db.raw(`'span' as kind`),
              'instance_id',
              'start_at as at',
              db.raw('cast(null as text) as value'),
              'last_at',
            ),
        ],
        // SQLite refuses parenthesised members of a compound select.
        false,
      );
    for (const r of rows) {
      const timeline = timelines.get(r.instance_id)!;
      if (r.kind === 'change')
        timeline.changes.push({
          at: Number(r.at),
          status: JSON.parse(r.value!) as AppStatus,
        });
      else
        timeline.spans.push({
          start: Number(r.at),
          last: Math.min(Number(r.last_at), to),
        });
    }
  }
  for (const t of timelines.values()) t.changes.sort((a, b) => a.at - b.at);
  return timelines;
}
