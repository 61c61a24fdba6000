import { Knex } from 'knex';
import { insertRows } from './bulkRows';
import { INSTANCE_EVENTS } from './ingestTables';
import { deriveChangeEvents, FieldValues } from '../metrics/changeEvents';

/**
 * The slow path of check-in ingest, for check-ins that arrive before the
 * instance's latest stored one: recomputes its change events from `from`
 * onwards. Field values before `from` are the latest events before it (every
 * change has an event), then every stored check-in at or after `from` is
 * replayed in time order. Returns the field values after the last check-in.
 */
export async function replayInstanceEvents(
  tx: Knex.Transaction,
  instanceId: string,
  from: number,
): Promise<FieldValues> {
  const latestBefore = tx('instance_events')
    .where({ instance_id: instanceId })
    .andWhere('at', '<', from)
    .groupBy('field')
    .select('field')
    .max({ at: 'at' })
    .as('latest');
  const beforeRows = await tx('instance_events as e')
    .join(latestBefore, function onLatest() {
      this.on('e.field', '=', 'latest.field').andOn('e.at', '=', 'latest.at');
    })
    .where('e.instance_id', instanceId)
    .select('e.field', 'e.value');
  const before: FieldValues = Object.fromEntries(
    beforeRows.map(r => [r.field, r.value]),
  );

  const later = await tx('check_ins')
    .where({ instance_id: instanceId })
    .andWhere('at', '>=', from)
    .orderBy('at')
    .select('at', 'payload');
  const { events, state } = deriveChangeEvents(
    before,
    later.map(r => ({ at: Number(r.at), fields: JSON.parse(r.payload) })),
  );

  await tx('instance_events')
    .where({ instance_id: instanceId })
    .andWhere('at', '>=', from)
    .delete();
  await insertEventRows(
    tx,
    events.map(e => ({ ...e, instanceId })),
  );
  return state;
}

/** Inserts change events (bulkRows). */
export async function insertEventRows(
  tx: Knex.Transaction,
  events: {
    instanceId: string;
    field: string;
    at: number;
    value: string;
    previousValue: string | null;
  }[],
) {
  await insertRows(
    tx,
    INSTANCE_EVENTS,
    events.map(e => [e.instanceId, e.field, e.at, e.value, e.previousValue]),
  );
}
