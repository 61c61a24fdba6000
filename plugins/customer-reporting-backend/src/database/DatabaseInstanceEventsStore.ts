import { Knex } from 'knex';
import { InstanceEventCategory as EventCategory } from '@customer-reporting/plugin-customer-reporting-common';
import { fieldsOfCategory } from '../metrics/eventCategories';
import { intDivSql, sqlInt } from './sqlMath';

export interface EventRow {
  at: number;
  field: string;
  value: string | null;
  previousValue: string | null;
}

/** Reads of an instance's change events: pages for the list, counts for the graph. */
export class DatabaseInstanceEventsStore {
  constructor(private readonly db: Knex) {}

  /** Newest first; `after` is the last row of the previous page. */
  async listEvents(
    instanceId: string,
    query: {
      category?: EventCategory;
      limit: number;
      asOf: number;
      after?: { at: number; field: string };
    },
  ): Promise<{ items: EventRow[]; hasMore: boolean }> {
    const q = this.db('instance_events')
      .where({ instance_id: instanceId })
      .andWhere('at', '<=', query.asOf);
    if (query.category) {
      const { fields, prefix } = fieldsOfCategory(query.category);
      if (prefix) q.andWhere('field', 'like', `${prefix}%`);
      else q.whereIn('field', fields);
    }
    if (query.after) {
      const { at, field } = query.after;
      q.andWhere(w =>
        w
          .where('at', '<', at)
          .orWhere(w2 => w2.where('at', at).andWhere('field', '>', field)),
      );
    }
    const rows = await q
      .orderBy([{ column: 'at', order: 'desc' }, { column: 'field' }])
      .limit(query.limit + 1)
      .select('at', 'field', 'value', 'previous_value');
    return {
      items: rows.slice(0, query.limit).map(r => ({
        at: Number(r.at),
        field: r.field,
        value: r.value,
        previousValue: r.previous_value,
      })),
      hasMore: rows.length > query.limit,
    };
  }

  /** Number of events in each bucket of [start, end), counted in SQL. */
  async countEventsPerBucket(
    instanceId: string,
    start: number,
    end: number,
    bucketMs: number,
  ): Promise<Map<number, number>> {
    const bucket = this.db.raw(
      intDivSql(this.db, `at - ${sqlInt(start)}`, bucketMs),
    );
    const rows = await this.db('instance_events')
      .where({ instance_id: instanceId })
      .andWhere('at', '>=', start)
      .andWhere('at', '<', end)
      .select({ bucket })
      .count({ count: '*' })
      .groupBy('bucket');
    return new Map(
      (rows as any[]).map(r => [Number(r.bucket), Number(r.count)]),
    );
  }
}
