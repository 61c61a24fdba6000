import { Knex } from 'knex';
import { chunk } from './chunk';
import { FieldValues } from '../metrics/changeEvents';

/** An instance as it was at some time: what reports, exports and the instance page show. */
export interface InstanceRow {
  id: string;
  customerId: string;
  archived: boolean;
  firstSeenAt: number;
  firstReadyAt: number | null;
  lastCheckInAt: number;
  state: FieldValues;
}

/**
 * The instances `query` selects as they were at `asOf`: those first seen
 * later are left out, and those with check-ins after `asOf` get the state
 * and last check-in they had then, rebuilt from their change events.
 */
export async function readInstancesAsOf(
  db: Knex,
  query: Knex.QueryBuilder,
  asOf: number,
): Promise<InstanceRow[]> {
  return instancesAsOf(db, await seenBy(query, asOf), asOf);
}

/**
 * The instances rows `query` selects that were first seen by `asOf`, by id,
 * with the columns an {@link InstanceRow} is made of.
 */
export function seenBy(
  query: Knex.QueryBuilder,
  asOf: number,
): Knex.QueryBuilder {
  return query
    .andWhere('first_seen_at', '<=', asOf)
    .orderBy('id')
    .select(
      'id',
      'customer_id',
      'archived',
      'first_seen_at',
      'first_ready_at',
      'last_check_in_at',
      'state',
    );
}

/** Instances rows first seen by `asOf` as they were at `asOf`. */
export async function instancesAsOf(
  db: Knex,
  rows: any[],
  asOf: number,
): Promise<InstanceRow[]> {
  const instances: InstanceRow[] = rows.map(r => ({
    id: r.id,
    customerId: r.customer_id,
    archived: Boolean(r.archived),
    firstSeenAt: Number(r.first_seen_at),
    firstReadyAt:
      r.first_ready_at === null || Number(r.first_ready_at) > asOf
        ? null
        : Number(r.first_ready_at),
    lastCheckInAt: Number(r.last_check_in_at),
    state: JSON.parse(r.state),
  }));
  const rewound = instances.filter(i => i.lastCheckInAt > asOf);
  if (rewound.length > 0) await rewind(db, rewound, asOf);
  return instances;
}

/** Replaces state and last check-in by their values at `asOf`. */
async function rewind(db: Knex, instances: InstanceRow[], asOf: number) {
  const byId = new Map(instances.map(i => [i.id, i]));
  for (const ids of chunk([...byId.keys()], 500)) {
    const latest = db('instance_events')
      .whereIn('instance_id', ids)
      .andWhere('at', '<=', asOf)
      .groupBy('instance_id', 'field')
      .select('instance_id', 'field')
      .max({ at: 'at' })
      .as('latest');
    const values = await db('instance_events as e')
      .join(latest, function onLatest() {
        this.on('e.instance_id', '=', 'latest.instance_id')
          .andOn('e.field', '=', 'latest.field')
          .andOn('e.at', '=', 'latest.at');
      })
      .select('e.instance_id', 'e.field', 'e.value');
    for (const instance of ids.map(id => byId.get(id)!)) instance.state = {};
    for (const v of values) byId.get(v.instance_id)!.state[v.field] = v.value;
    const lastRows = await db('check_ins')
      .whereIn('instance_id', ids)
      .andWhere('at', '<=', asOf)
      .groupBy('instance_id')
      .select('instance_id')
      .max({ at: 'at' });
    for (const r of lastRows as { instance_id: string; at: unknown }[]) {
      byId.get(r.instance_id)!.lastCheckInAt = Number(r.at);
    }
  }
}
