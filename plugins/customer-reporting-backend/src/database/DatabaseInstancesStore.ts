import { Knex } from 'knex';
import {
  APP_STATUSES,
  AppStatus,
  IngestResult,
} from '@internal/plugin-customer-reporting-common';
import { deriveChangeEvents, FieldValues } from '../metrics/changeEvents';
import {
  mergeObservationSpans,
  OBSERVATION_WINDOW_MS,
} from '../metrics/observationSpans';
import { BatchValidationError } from '../ingest/validate';
import { decodeField } from '../ingest/checkInFields';
import { insertIgnoringDuplicates, isMysql } from './insertIgnoringDuplicates';

/** A validated check-in, ready to store. */
export interface PreparedCheckIn {
  index: number;
  instanceId: string;
  customerId: string;
  at: number;
  appStatus?: AppStatus;
  fields: FieldValues;
}

/**
 * Instances, their check-ins, change events and observation spans.
 *
 * Check-ins are kept as sent; everything derived from them (instance summary,
 * events, spans) is updated in the same transaction, from the earliest new
 * check-in onwards, so late and out-of-order delivery ends in the same state
 * as in-order delivery.
 */
export class DatabaseInstancesStore {
  constructor(private readonly db: Knex) {}

  async ingestCheckIns(
    checkIns: PreparedCheckIn[],
    receivedAt: number,
  ): Promise<IngestResult> {
    const byInstance = new Map<string, PreparedCheckIn[]>();
    const seen = new Set<string>();
    for (const checkIn of checkIns) {
      const key = `${checkIn.instanceId}\u0000${checkIn.at}`;
      if (seen.has(key)) continue; // repeated within the batch: a duplicate
      seen.add(key);
      const group = byInstance.get(checkIn.instanceId) ?? [];
      group.push(checkIn);
      byInstance.set(checkIn.instanceId, group);
    }

    let accepted = 0;
    await this.db.transaction(async tx => {
      await this.checkOwnership(tx, byInstance);
      // A fixed lock order keeps concurrent batches from deadlocking.
      for (const instanceId of [...byInstance.keys()].sort()) {
        accepted += await this.ingestForInstance(
          tx,
          byInstance.get(instanceId)!,
          receivedAt,
        );
      }
    });
    return { accepted, duplicates: checkIns.length - accepted };
  }

  /** Deletes raw check-ins before `cutoff`, in chunks to keep locks short. */
  async deleteCheckInsBefore(cutoff: number): Promise<number> {
    let total = 0;
    for (;;) {
      const keys = await this.db('check_ins')
        .where('at', '<', cutoff)
        .limit(5000)
        .select('instance_id', 'at');
      if (keys.length === 0) return total;
      for (const [instanceId, times] of groupTimes(keys)) {
        total += await this.db('check_ins')
          .where({ instance_id: instanceId })
          .whereIn('at', times)
          .delete();
      }
    }
  }

  private async checkOwnership(
    tx: Knex.Transaction,
    byInstance: Map<string, PreparedCheckIn[]>,
  ) {
    const ids = [...byInstance.keys()];
    const owners = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await tx('instances')
        .whereIn('id', ids.slice(i, i + 500))
        .select('id', 'customer_id');
      rows.forEach(r => owners.set(r.id, r.customer_id));
    }
    const issues = [];
    for (const [instanceId, group] of byInstance) {
      const owner = owners.get(instanceId) ?? group[0].customerId;
      for (const c of group) {
        if (c.customerId !== owner) {
          issues.push({
            index: c.index,
            field: 'customerId',
            message: `instance ${instanceId} belongs to customer ${owner}, not ${c.customerId}`,
          });
        }
      }
    }
    if (issues.length > 0) throw new BatchValidationError(issues);
  }

  private async ingestForInstance(
    tx: Knex.Transaction,
    group: PreparedCheckIn[],
    receivedAt: number,
  ) {
    const instanceId = group[0].instanceId;
    const times = group.map(c => c.at);
    const from = Math.min(...times);
    await this.lockInstance(
      tx,
      instanceId,
      group[0].customerId,
      from,
      receivedAt,
    );
    const inserted = await insertIgnoringDuplicates(
      tx,
      'check_ins',
      group.map(c => ({
        instance_id: instanceId,
        at: c.at,
        app_status: c.appStatus ?? null,
        payload: JSON.stringify(c.fields),
        received_at: receivedAt,
      })),
      ['instance_id', 'at'],
    );
    if (inserted === 0) return 0;

    const state = await this.rebuildEventsFrom(tx, instanceId, from);
    await this.mergeSpans(tx, instanceId, times);

    const readyTimes = group
      .filter(c => c.appStatus === 'ready')
      .map(c => c.at);
    const instance = await tx('instances').where({ id: instanceId }).first();
    const firstReady = [instance.first_ready_at, ...readyTimes]
      .filter(v => v !== null && v !== undefined)
      .map(Number);
    const status = decodeField<AppStatus>(state, 'appStatus');
    await tx('instances')
      .where({ id: instanceId })
      .update({
        first_seen_at: Math.min(Number(instance.first_seen_at), from),
        first_ready_at: firstReady.length ? Math.min(...firstReady) : null,
        last_check_in_at: Math.max(Number(instance.last_check_in_at), ...times),
        airgap: decodeField<boolean>(state, 'airgap') ?? false,
        cluster_id: decodeField<string>(state, 'clusterId') ?? null,
        status_rank: status ? APP_STATUSES.indexOf(status) : null,
        app_version: decodeField<string>(state, 'appVersion') ?? null,
        state: JSON.stringify(state),
        updated_at: receivedAt,
      });
    return inserted;
  }

  /** Creates the instance row if needed and locks it for this transaction. */
  private async lockInstance(
    tx: Knex.Transaction,
    id: string,
    customerId: string,
    at: number,
    now: number,
  ) {
    await tx('instances')
      .insert({
        id,
        customer_id: customerId,
        first_seen_at: at,
        last_check_in_at: at,
        state: '{}',
        updated_at: now,
      })
      .onConflict('id')
      .ignore();
    const query = tx('instances').where({ id }).select('id');
    if (tx.client.config.client === 'pg' || isMysql(tx)) query.forUpdate();
    await query;
  }

  /**
   * Recomputes change events from `from` onwards: field values before `from`
   * are the latest events before it (every change has an event), then every
   * stored check-in at or after `from` is replayed in time order.
   */
  private async rebuildEventsFrom(
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
    const rows = events.map(e => ({
      instance_id: instanceId,
      field: e.field,
      at: e.at,
      value: e.value,
      previous_value: e.previousValue,
    }));
    for (let i = 0; i < rows.length; i += 200) {
      await tx('instance_events').insert(rows.slice(i, i + 200));
    }
    return state;
  }

  private async mergeSpans(
    tx: Knex.Transaction,
    instanceId: string,
    times: number[],
  ) {
    const lo = Math.min(...times) - OBSERVATION_WINDOW_MS;
    const hi = Math.max(...times) + OBSERVATION_WINDOW_MS;
    const touching = await tx('instance_spans')
      .where({ instance_id: instanceId })
      .andWhere('last_at', '>=', lo)
      .andWhere('start_at', '<=', hi)
      .select('start_at', 'last_at');
    const merged = mergeObservationSpans(
      touching.map(s => ({
        start: Number(s.start_at),
        last: Number(s.last_at),
      })),
      times,
    );
    if (touching.length > 0) {
      await tx('instance_spans')
        .where({ instance_id: instanceId })
        .whereIn(
          'start_at',
          touching.map(s => s.start_at),
        )
        .delete();
    }
    await tx('instance_spans').insert(
      merged.map(s => ({
        instance_id: instanceId,
        start_at: s.start,
        last_at: s.last,
      })),
    );
  }
}

function groupTimes(keys: { instance_id: string; at: number | string }[]) {
  const groups = new Map<string, (number | string)[]>();
  for (const { instance_id: id, at } of keys) {
    groups.set(id, [...(groups.get(id) ?? []), at]);
  }
  return groups;
}
