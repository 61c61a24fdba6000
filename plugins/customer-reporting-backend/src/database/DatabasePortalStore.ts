import { Knex } from 'knex';
import { IngestResult } from '@internal/plugin-customer-reporting-common';
import { PortalEventInput } from '../ingest/schemas';
import { contentHash } from './contentHash';
import { insertIgnoringDuplicates } from './insertIgnoringDuplicates';

/** Download Portal and Enterprise Portal activity, one row per event. */
export class DatabasePortalStore {
  constructor(private readonly db: Knex) {}

  async ingestEvents(events: PortalEventInput[]): Promise<IngestResult> {
    const rows = new Map<string, Record<string, unknown>>();
    for (const event of events) {
      const id = contentHash(event);
      rows.set(id, {
        id,
        customer_id: event.customerId,
        type: event.type,
        at: event.at,
        email: event.email ?? null,
        version: event.version ?? null,
      });
    }
    const accepted = await this.db.transaction(tx =>
      insertIgnoringDuplicates(tx, 'portal_events', [...rows.values()], ['id']),
    );
    return { accepted, duplicates: events.length - accepted };
  }
}
