import { Knex } from 'knex';
import { upsertRowsTogether } from './bulkRows';
import { chunk } from './chunk';
import { isPostgres } from './databaseEngine';
import { INSTANCE_SUMMARIES } from './ingestTables';
import { whereAnyOf } from './whereAnyOf';
import { IngestResult } from '@customer-reporting/plugin-customer-reporting-common';
import { deriveChangeEvents, FieldValues } from '../metrics/changeEvents';
import {
  assertOwnership,
  assertRetained,
  groupByInstance,
  insertCheckIns,
  instanceUpdate,
  minOf,
  PreparedCheckIn,
  UPDATED_COLUMNS,
} from './checkInBatch';
import { lockInstances } from './lockInstances';
import { mergeInstanceSpans } from './mergeInstanceSpans';
import { insertEventRows, replayInstanceEvents } from './replayInstanceEvents';

export type { PreparedCheckIn } from './checkInBatch';

/**
 * Instances, their check-ins, change events and observation spans.
 *
 * Check-ins are kept as sent; everything derived from them (instance summary,
 * events, spans) is updated in the same transaction. A batch costs a bounded
 * number of statements however many instances it touches: check-ins later
 * than an instance's latest stored one (agents reporting live) extend the
 * stored state; only an instance that receives an earlier one replays its
 * history from there, so late and out-of-order delivery ends in the same
 * state as in-order delivery.
 */
export class DatabaseInstancesStore {
  constructor(private readonly db: Knex) {}

  async ingestCheckIns(
    checkIns: PreparedCheckIn[],
    receivedAt: number,
  ): Promise<IngestResult> {
    const byInstance = groupByInstance(checkIns);
    let accepted = 0;
    await this.db.transaction(async tx => {
      const rows = await lockInstances(
        tx,
        new Map(
          [...byInstance].map(([id, group]) => [
            id,
            { customerId: group[0].customerId, firstAt: minOf(group) },
          ]),
        ),
        receivedAt,
      );
      assertOwnership(rows, byInstance);
      assertRetained(rows, byInstance);
      const inserted = await insertCheckIns(tx, byInstance, rows, receivedAt);
      if (inserted.size === 0) return;

      const appended: Parameters<typeof insertEventRows>[1] = [];
      const updates = [];
      for (const [instanceId, group] of inserted) {
        accepted += group.length;
        const row = rows.get(instanceId)!;
        const from = minOf(group);
        let state: FieldValues;
        if (row.created || from > row.last_check_in_at) {
          // In order (the usual case): the stored state is the field values
          // before these check-ins, and no stored event comes after them.
          const derived = deriveChangeEvents(JSON.parse(row.state), group);
          appended.push(...derived.events.map(e => ({ ...e, instanceId })));
          state = derived.state;
        } else {
          state = await replayInstanceEvents(tx, instanceId, from);
        }
        updates.push(instanceUpdate(row, group, state, receivedAt));
      }
      await insertEventRows(tx, appended);
      const spans = await mergeInstanceSpans(
        tx,
        new Map([...inserted].map(([id, group]) => [id, group.map(c => c.at)])),
      );
      await upsertRowsTogether(tx, [
        spans,
        { table: INSTANCE_SUMMARIES, rows: updates, update: UPDATED_COLUMNS },
      ]);
    });
    return { accepted, duplicates: checkIns.length - accepted };
  }

  /**
   * Deletes raw check-ins before `cutoff`, in chunks to keep locks short,
   * and marks their instances as having lost the check-ins before `cutoff`
   * (assertRetained) in the same transaction. The instance rows are locked
   * in id order, as the ingest locks them (lockInstances): a batch that
   * stored an old check-in first has it deleted with the rest, one that
   * comes after is refused.
   */
  async deleteCheckInsBefore(cutoff: number): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.db.transaction(async tx => {
        const keys = await tx('check_ins')
          .where('at', '<', cutoff)
          .limit(5000)
          .select('instance_id', 'at');
        const byInstance = groupTimes(keys);
        // Chunks of the sorted ids, each locked in id order before it is
        // updated: the locks are taken in id order overall.
        for (const part of chunk([...byInstance.keys()].sort(), 500)) {
          if (isPostgres(tx))
            await whereAnyOf(tx, tx('instances'), 'id', part)
              .orderBy('id')
              .forUpdate()
              .select('id');
          await whereAnyOf(tx, tx('instances'), 'id', part)
            .andWhere(q =>
              q
                .whereNull('check_ins_deleted_before')
                .orWhere('check_ins_deleted_before', '<', cutoff),
            )
            .update({ check_ins_deleted_before: cutoff });
        }
        let count = 0;
        for (const [instanceId, times] of byInstance) {
          count += await tx('check_ins')
            .where({ instance_id: instanceId })
            .whereIn('at', times)
            .delete();
        }
        return count;
      });
      if (deleted === 0) return total;
      total += deleted;
    }
  }

  /**
   * Archives or unarchives instances; how many of those stored changed.
   * Only the flag changes: an instance keeps its check-ins, events and
   * spans, and check-ins keep coming in.
   */
  async setArchived(instanceIds: string[], archived: boolean): Promise<number> {
    let changed = 0;
    for (const ids of chunk(instanceIds, 500)) {
      changed += await this.db('instances')
        .whereIn('id', ids)
        .andWhereNot('archived', archived)
        .update({ archived });
    }
    return changed;
  }
}

function groupTimes(keys: { instance_id: string; at: number | string }[]) {
  const groups = new Map<string, (number | string)[]>();
  for (const { instance_id: id, at } of keys) {
    groups.set(id, [...(groups.get(id) ?? []), at]);
  }
  return groups;
}
