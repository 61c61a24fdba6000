import { randomBytes } from 'crypto';
import { Knex } from 'knex';
import { chunk } from './chunk';
import {
  APP_STATUSES,
  CustomerSummary,
  LICENSE_TYPE_LABELS,
  LicenseType,
} from '@internal/plugin-customer-reporting-common';
import { CustomerInput } from '../ingest/schemas';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';
import { toIso, toNumber } from './time';

export interface CustomerListQuery {
  search?: string;
  appSlug?: string;
  channelSlug?: string;
  licenseType?: LicenseType;
  active?: boolean;
  limit: number;
  after?: { name: string; id: string };
  /** Which customers the caller may see (default: all). */
  customerFilter?: CustomerFilter;
  /** Restrict to these customer ids. */
  ids?: string[];
  /** The answer as it was at this time (epoch ms). */
  asOf: number;
  /** Online instances with a check-in this recent are active. */
  activeWindowMs: number;
}

/** Customers (one license each) and the customer list with its rollups. */
export class DatabaseCustomersStore {
  constructor(private readonly db: Knex) {}

  async upsertCustomer(
    id: string,
    c: CustomerInput,
    now: number,
  ): Promise<void> {
    const fields = {
      name: c.name,
      email: c.email ?? null,
      custom_id: c.customId ?? null,
      app_slug: c.appSlug,
      channel_slug: c.channelSlug,
      license_type: c.licenseType,
      license_id: c.licenseId,
      created_at: c.createdAt,
      expires_at: c.expiresAt ?? null,
      archived: c.archived,
      enterprise_portal_enabled: c.enterprisePortalEnabled,
      features: JSON.stringify(c.features),
      custom_fields: JSON.stringify(c.customFields),
      owner: c.owner ?? null,
      updated_at: now,
    };
    // The portal slug and password belong to the portal, not to the upstream
    // record: an update never touches them.
    await this.db('customers')
      .insert({ id, ...fields, portal_slug: randomBytes(16).toString('hex') })
      .onConflict('id')
      .merge(Object.keys(fields));
  }

  /** What permission rules see of these customers, in the order asked. */
  async getPermissionResources(ids: string[]) {
    const rows = await this.db('customers')
      .whereIn('id', ids)
      .select('id', 'owner', 'license_type', 'app_slug');
    const byId = new Map(rows.map(r => [r.id, r]));
    return ids.map(id => {
      const r = byId.get(id);
      return (
        r && {
          id: r.id,
          owner: r.owner ?? null,
          licenseType: r.license_type,
          appSlug: r.app_slug,
        }
      );
    });
  }

  /** Stores only the hash; who set it and when are shown on the portal card. */
  async setPortalPassword(
    id: string,
    hash: string,
    actor: string,
    at: number,
  ): Promise<void> {
    await this.db('customers').where({ id }).update({
      portal_password_hash: hash,
      portal_password_set_by: actor,
      portal_password_set_at: at,
    });
  }

  async setEnterprisePortal(
    id: string,
    enabled: boolean,
    at: number,
  ): Promise<void> {
    await this.db('customers')
      .where({ id })
      .update({ enterprise_portal_enabled: enabled, updated_at: at });
  }

  async getCustomerRow(id: string) {
    return this.db('customers').where({ id }).first();
  }

  /** Ids of the given customers that do not exist. */
  async findMissing(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Set<string>();
    for (const part of chunk(unique, 500)) {
      const rows = await this.db('customers').whereIn('id', part).select('id');
      rows.forEach(r => found.add(r.id));
    }
    return unique.filter(id => !found.has(id));
  }

  async countCustomers(): Promise<number> {
    const [{ count }] = await this.db('customers').count({ count: '*' });
    return Number(count);
  }

  async listCustomers(query: CustomerListQuery): Promise<{
    items: CustomerSummary[];
    totalCount: number;
    hasMore: boolean;
  }> {
    const rollup = this.instanceRollup(
      query.asOf,
      query.asOf - query.activeWindowMs,
    );
    const base = this.db('customers as c')
      .leftJoin(rollup.as('r'), 'r.customer_id', 'c.id')
      .leftJoin('channels as ch', function joinChannel() {
        this.on('ch.app_slug', '=', 'c.app_slug').andOn(
          'ch.slug',
          '=',
          'c.channel_slug',
        );
      });
    if (query.search) {
      // '!' escapes LIKE wildcards: a backslash would mean different things
      // in PostgreSQL and MySQL string literals.
      const term = `%${query.search
        .toLowerCase()
        .replace(/[!%_]/g, ch => `!${ch}`)}%`;
      base.where(q => {
        for (const column of ['c.name', 'c.id', 'c.email', 'c.custom_id']) {
          q.orWhereRaw(`lower(coalesce(??, '')) like ? escape '!'`, [
            column,
            term,
          ]);
        }
      });
    }
    applyCustomerFilter(base, query.customerFilter ?? 'all');
    if (query.ids) base.whereIn('c.id', query.ids);
    if (query.appSlug) base.where('c.app_slug', query.appSlug);
    if (query.channelSlug) base.where('c.channel_slug', query.channelSlug);
    if (query.licenseType) base.where('c.license_type', query.licenseType);
    if (query.active !== undefined) {
      const activeSql =
        '(coalesce(r.active_online, 0) + coalesce(r.airgap_unarchived, 0)) > 0';
      base.whereRaw(query.active ? activeSql : `not ${activeSql}`);
    }

    const [{ count }] = await base.clone().count({ count: '*' });
    const page = base.clone();
    if (query.after) {
      const { name, id } = query.after;
      page.where(q =>
        q
          .where('c.name', '>', name)
          .orWhere(q2 => q2.where('c.name', name).andWhere('c.id', '>', id)),
      );
    }
    const rows = await page
      .select(
        'c.*',
        'ch.name as channel_name',
        'r.active_online',
        'r.airgap_unarchived',
        'r.last_active_at',
        'r.latest_ready_at',
        'r.best_rank',
      )
      .orderBy([{ column: 'c.name' }, { column: 'c.id' }])
      .limit(query.limit + 1);
    return {
      items: rows.slice(0, query.limit).map(toSummary),
      totalCount: Number(count),
      hasMore: rows.length > query.limit,
    };
  }

  /** Per-customer instance rollup; archived instances never count. */
  /**
   * Per-customer instance rollup as of `asOf`; archived instances never
   * count. Instances whose latest check-in is after asOf are rewound with
   * index lookups (their last check-in and status at asOf).
   */
  private instanceRollup(asOf: number, activeSince: number) {
    const statusRank = APP_STATUSES.map(
      (s, rank) => `when '${JSON.stringify(s)}' then ${rank}`,
    ).join(' ');
    const asOfInstances = this.db('instances as i')
      .where('i.first_seen_at', '<=', asOf)
      .select(
        'i.customer_id',
        'i.archived',
        'i.airgap',
        this.db.raw(
          'case when i.first_ready_at <= ? then i.first_ready_at end as first_ready_at',
          [asOf],
        ),
        this.db.raw(
          `case when i.last_check_in_at <= ? then i.last_check_in_at
            else (select max(ci.at) from check_ins ci where ci.instance_id = i.id and ci.at <= ?)
          end as last_check_in_at`,
          [asOf, asOf],
        ),
        this.db.raw(
          `case when i.last_check_in_at <= ? then i.status_rank
            else (select case e.value ${statusRank} end from instance_events e
                  where e.instance_id = i.id and e.field = 'appStatus' and e.at <= ?
                  order by e.at desc limit 1)
          end as status_rank`,
          [asOf, asOf],
        ),
      )
      .as('i');
    return this.db
      .from(asOfInstances)
      .select('customer_id')
      .select(
        this.db.raw(
          'sum(case when archived = ? and airgap = ? and last_check_in_at >= ? then 1 else 0 end) as active_online',
          [false, false, activeSince],
        ),
        this.db.raw(
          'sum(case when archived = ? and airgap = ? then 1 else 0 end) as airgap_unarchived',
          [false, true],
        ),
        this.db.raw('max(last_check_in_at) as last_active_at'),
        this.db.raw(
          'max(case when archived = ? then first_ready_at end) as latest_ready_at',
          [false],
        ),
        this.db.raw(
          'max(case when archived = ? and (airgap = ? or last_check_in_at >= ?) then status_rank end) as best_rank',
          [false, true, activeSince],
        ),
      )
      .groupBy('customer_id');
  }
}

function toSummary(row: any): CustomerSummary {
  const activeOnline = Number(row.active_online ?? 0);
  const airgap = Number(row.airgap_unarchived ?? 0);
  const createdAt = Number(row.created_at);
  const latestReady = toNumber(row.latest_ready_at);
  const bestRank = toNumber(row.best_rank);
  return {
    id: row.id,
    name: row.name,
    email: row.email ?? null,
    customId: row.custom_id ?? null,
    owner: row.owner ?? null,
    appSlug: row.app_slug,
    channelSlug: row.channel_slug,
    channelName: row.channel_name ?? row.channel_slug,
    licenseType: row.license_type,
    licenseTypeLabel:
      LICENSE_TYPE_LABELS[row.license_type as LicenseType] ?? row.license_type,
    createdAt: toIso(createdAt)!,
    expiresAt: toIso(row.expires_at),
    archived: Boolean(row.archived),
    active: activeOnline + airgap > 0,
    status: bestRank === null ? null : APP_STATUSES[bestRank],
    activeInstances: activeOnline + airgap,
    lastActiveAt: toIso(row.last_active_at),
    timeToInstallSeconds:
      latestReady === null
        ? null
        : Math.round((latestReady - createdAt) / 1000),
  };
}
