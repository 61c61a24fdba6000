import { Knex } from 'knex';
import { AppStatus } from '@customer-reporting/plugin-customer-reporting-common';
import { chunk } from './chunk';
import { preparedQuery } from './preparedQuery';
import {
  ObservationSpan,
  OBSERVATION_WINDOW_MS,
} from '../metrics/observationSpans';
import { StatusChange } from '../metrics/uptime';

export interface StatusTimeline {
  changes: StatusChange[];
  spans: ObservationSpan[];
}

/** What the statement needs to know of the window. */
interface Window {
  from: number;
  /** Spans ending before this cannot reach into the window. */
  spansFrom: number;
  to: number;
}

const windowOf = (from: number, to: number): Window => ({
  from,
  spansFrom: from - OBSERVATION_WINDOW_MS,
  to,
});

const customerTimelineRows = preparedQuery<
  { customerId: string; asOf: number } & Window
>((db, param) => {
  const ofCustomer = (q: Knex.QueryBuilder) =>
    q
      .where('i.customer_id', param('customerId'))
      .andWhere('i.first_seen_at', '<=', param('asOf'));
  return timelineRows(
    db,
    (q, column) =>
      q.whereIn(column, ofCustomer(db('instances as i')).select('i.id')),
    ofCustomer,
    { from: param('from'), spansFrom: param('spansFrom'), to: param('to') },
  );
});

/**
 * Status changes from the last one before `from` up to `to`, and the
 * observation spans that can reach into [from, to], per instance; instances
 * without any have empty timelines.
 */
export async function readStatusTimelines(
  db: Knex,
  instanceIds: string[],
  from: number,
  to: number,
): Promise<Map<string, StatusTimeline>> {
  const timelines = new Map<string, StatusTimeline>();
  for (const id of instanceIds) timelines.set(id, { changes: [], spans: [] });
  for (const ids of chunk(instanceIds, 500))
    addRows(
      timelines,
      await timelineRows(
        db,
        (q, column) => q.whereIn(column, ids),
        q => q.whereIn('i.id', ids),
        windowOf(from, to),
      ),
      to,
    );
  return inTimeOrder(timelines);
}

/**
 * The timelines of a customer's instances first seen by `asOf`, as
 * {@link readStatusTimelines} reads them; instances without any have no
 * entry. The instances are a subquery, so that the report reads the
 * timelines beside its other reads instead of after the instances.
 */
export async function readCustomerStatusTimelines(
  db: Knex,
  customerId: string,
  asOf: number,
  from: number,
  to: number,
): Promise<Map<string, StatusTimeline>> {
  const timelines = new Map<string, StatusTimeline>();
  addRows(
    timelines,
    await customerTimelineRows(db, { customerId, asOf, ...windowOf(from, to) }),
    to,
  );
  return inTimeOrder(timelines);
}

/** Adds the statement's rows to their instances' timelines. */
function addRows(
  timelines: Map<string, StatusTimeline>,
  rows: TimelineRow[],
  to: number,
) {
  for (const r of rows) {
    let timeline = timelines.get(r.instance_id);
    if (!timeline) {
      timeline = { changes: [], spans: [] };
      timelines.set(r.instance_id, timeline);
    }
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

function inTimeOrder(timelines: Map<string, StatusTimeline>) {
  for (const t of timelines.values()) t.changes.sort((a, b) => a.at - b.at);
  return timelines;
}

interface TimelineRow {
  kind: 'change' | 'span';
  instance_id: string;
  at: unknown;
  value: string | null;
  last_at: unknown;
}

/**
 * One statement for both reads (the status changes from the one in force at
 * `from` to `to`, and the spans): a report pays per statement, on SQLite in
 * Knex and on PostgreSQL in round trips. Per instance, the changes are one
 * index range from the change in force at `from` (the last one before it,
 * found by a scalar max: one index seek) up to `to`; an instance without a
 * change before `from` starts at `from`. `kind` tells the rows apart;
 * `last_at` is null for changes, `value` for spans (typed, as PostgreSQL
 * types an untyped null of the first member as text).
 */
function timelineRows(
  db: Knex,
  restrict: (q: Knex.QueryBuilder, column: string) => Knex.QueryBuilder,
  restrictInstances: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  { from, spansFrom, to }: Window,
): Knex.QueryBuilder {
  const inForceAt = db('instance_events as b')
    .where('b.instance_id', db.ref('i.id'))
    .andWhere('b.field', 'appStatus')
    .andWhere('b.at', '<', from)
    .max('b.at');
  return restrictInstances(db('instances as i'))
    .join('instance_events as e', 'e.instance_id', 'i.id')
    .where('e.field', 'appStatus')
    .andWhere('e.at', '>=', db.raw('coalesce((?), ?)', [inForceAt, from]))
    .andWhere('e.at', '<=', to)
    .select(
      db.raw(`'change' as kind`),
      'e.instance_id',
      'e.at',
      'e.value',
      db.raw('cast(null as bigint) as last_at'),
    )
    .unionAll(
      [
        restrict(db('instance_spans'), 'instance_id')
          .andWhere('last_at', '>=', spansFrom)
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
}
