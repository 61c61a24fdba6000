import { Knex } from 'knex';
import { IngestResult } from '@customer-reporting/plugin-customer-reporting-common';
import { IngestedPortalEvent } from '../ingest/ingestTypes';
import { contentHash } from './contentHash';
import { isPostgres } from './databaseEngine';
import { BulkRow, insertNewRows } from './bulkRows';
import { PORTAL_EVENTS } from './ingestTables';

/** Download Portal and Enterprise Portal activity, one row per event. */
export class DatabasePortalStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records an invitation; false when the email was invited before, or is
   * already a user (one who joined without an invitation on record).
   */
  async invite(
    customerId: string,
    email: string,
    at: number,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      // Concurrent invitations of one email would each find none and each
      // insert (two 201s, or a 500 on the same id): on PostgreSQL the
      // customer's row serialises them; SQLite runs one writer at a time.
      if (isPostgres(tx))
        await tx('customers').where({ id: customerId }).forUpdate().first('id');
      const existing = await tx('portal_events')
        .where({ customer_id: customerId })
        .whereIn('type', ['user-invited', 'user-joined'])
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
    const rows = new Map<string, BulkRow>();
    for (const event of events) {
      const id = contentHash(event);
      rows.set(id, [
        id,
        event.customerId,
        event.type,
        event.at,
        event.email ?? null,
        event.version ?? null,
      ]);
    }
    const inserted = await this.db.transaction(tx =>
      insertNewRows(tx, PORTAL_EVENTS, [...rows.values()]),
    );
    const accepted = inserted.filter(Boolean).length;
    return { accepted, duplicates: events.length - accepted };
  }
}
