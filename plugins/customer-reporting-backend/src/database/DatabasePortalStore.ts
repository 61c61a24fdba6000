import { Knex } from 'knex';
import { IngestResult } from '@customer-reporting/plugin-customer-reporting-common';
import { IngestedPortalEvent } from '../ingest/ingestTypes';
import { contentHash } from './contentHash';
import { insertIgnoringDuplicates } from './insertIgnoringDuplicates';

/** Download Portal and Enterprise Portal activity, one row per event. */
export class DatabasePortalStore {
  constructor(private readonly db: Knex) {}

  /** Records an invitation; false when the email was invited before. */
  async invite(
    customerId: string,
    email: string,
    at: number,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const existing = await tx('portal_events')
        .where({ customer_id: customerId, type: 'user-invited' })
        .whereRaw('lower(email) = ?', [email.toLowerCase()])
        .first('id');
      if (existing) return false;
      const event = {
        customerId,
        type: 'user-invited',
        email: email.toLowerCase(),
        at,
      };
      await tx('portal_events').insert({
        id: contentHash(event),
        customer_id: customerId,
        type: 'user-invited',
        at,
        email: event.email,
        version: null,
      });
      return true;
    });
  }

  async ingestEvents(events: IngestedPortalEvent[]): Promise<IngestResult> {
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
