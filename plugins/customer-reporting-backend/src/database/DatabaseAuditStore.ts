import { Knex } from 'knex';

export interface AuditRecord {
  customerId: string | null;
  actor: string;
  action:
    | 'license-download'
    | 'portal-password-generated'
    | 'portal-password-set'
    | 'portal-user-invited'
    | 'enterprise-portal-enabled'
    | 'enterprise-portal-disabled'
    | 'instance-archived'
    | 'instance-unarchived'
    | 'export'
    | 'alert-rule-saved'
    | 'alert-rule-deleted'
    | 'alert-muted'
    | 'alert-unmuted';
  details: Record<string, unknown>;
}

/** The audit trail: who did what to which customer, and when. */
export class DatabaseAuditStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: () => number,
  ) {}

  async record(
    entry: AuditRecord,
    tx: Knex | Knex.Transaction = this.db,
  ): Promise<void> {
    await tx('audit_events').insert({
      customer_id: entry.customerId,
      at: this.clock(),
      actor: entry.actor,
      action: entry.action,
      details: JSON.stringify(entry.details),
    });
  }

  /**
   * A customer's entries recorded up to `asOf`, newest first; `before` is
   * the last id of the previous page.
   */
  async list(
    customerId: string,
    limit: number,
    before: number | undefined,
    asOf: number,
  ) {
    const query = this.db('audit_events')
      .where({ customer_id: customerId })
      .andWhere('at', '<=', asOf);
    if (before !== undefined) query.andWhere('id', '<', before);
    const rows = await query.orderBy('id', 'desc').limit(limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map(r => ({
        at: new Date(Number(r.at)).toISOString(),
        actor: r.actor as string,
        action: r.action as string,
        details: JSON.parse(r.details),
      })),
      lastId: page.length ? Number(page[page.length - 1].id) : undefined,
      hasMore: rows.length > limit,
    };
  }

  async deleteBefore(cutoff: number): Promise<number> {
    return this.db('audit_events').where('at', '<', cutoff).delete();
  }
}
