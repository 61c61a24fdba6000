import { Knex } from 'knex';
import { attemptSummaryRow, summarizeStoredEvents } from './attemptSummaryRow';
import { chunk } from './chunk';

/**
 * Install attempt rows as they were at `asOf`. A row whose last event came
 * later is summarised again from its events up to asOf, so what it shows
 * (the instance it produced, a version sent with a later step, its steps
 * and outcome) is what it had then. Reads only the events of the rows given
 * (a page, or a report's latest attempts), and only when asOf cuts one.
 */
export async function attemptRowsAsOf<T extends Record<string, any>>(
  db: Knex,
  rows: T[],
  asOf: number,
): Promise<T[]> {
  const cut = rows.filter(r => Number(r.last_event_at) > asOf).map(r => r.id);
  if (cut.length === 0) return rows;
  const payloads = new Map<string, string[]>();
  for (const ids of chunk(cut, 500)) {
    const events = await db('install_attempt_events')
      .whereIn('attempt_id', ids)
      .andWhere('at', '<=', asOf)
      .orderBy(['attempt_id', 'at', 'id'])
      .select('attempt_id', 'payload');
    for (const e of events) {
      const of = payloads.get(e.attempt_id);
      if (of) of.push(e.payload);
      else payloads.set(e.attempt_id, [e.payload]);
    }
  }
  return rows.map(row => {
    const events = payloads.get(row.id);
    return events
      ? { ...row, ...attemptSummaryRow(summarizeStoredEvents(events)) }
      : row;
  });
}
