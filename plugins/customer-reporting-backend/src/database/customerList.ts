import { Knex } from 'knex';
import { customerSearchPattern } from './customerSearch';
import { fieldValueAtSql } from './fieldValueAtSql';
import {
  APP_STATUSES,
  AppStatus,
  CustomerSort,
  CustomerStatusFilter,
  CustomerSummary,
  EXPIRING_SOON_DAYS,
  licenseTypeLabel,
  LicenseType,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';
import { toIso, toNumber } from './time';

const DAY_MS = 24 * 3600_000;

export interface CustomerListQuery {
  search?: string;
  appSlug?: string;
  channelSlug?: string;
  licenseType?: LicenseType;
  active?: boolean;
  /** The customer's health: worst status of its active instances, or none. */
  status?: CustomerStatusFilter;
  /** Default: name ascending. */
  sort?: CustomerSort;
  order?: 'asc' | 'desc';
  limit: number;
  after?: CustomerListCursor;
  /** Which customers the caller may see (default: all). */
  customerFilter?: CustomerFilter;
  /** Restrict to these customer ids. */
  ids?: string[];
  /** The answer as it was at this time (epoch ms). */
  asOf: number;
  /** Online instances with a check-in this recent are active. */
  activeWindowMs: number;
}

/**
 * Keyset of the last row of a page: its sort value, then name and id, which
 * break ties in that order (ascending) whatever the sort.
 */
export interface CustomerListCursor {
  value: string | number;
  name: string;
  id: string;
}

/**
 * SQL of each sort key over customers `c` and their rollup `r`. `last` is the
 * value of customers that have none, chosen so they come last either way.
 */
const SORT_SQL: Record<CustomerSort, (last: number) => string> = {
  name: () => 'c.name',
  status: last => `coalesce(r.worst_rank, ${last})`,
  activeInstances: () => 'coalesce(r.active_online, 0)',
  lastActiveAt: last => `coalesce(r.last_active_at, ${last})`,
  timeToInstall: last => `coalesce(r.latest_ready_at - c.created_at, ${last})`,
  createdAt: () => 'c.created_at',
  expiresAt: last => `coalesce(c.expires_at, ${last})`,
};

function sortSql(sort: CustomerSort, order: 'asc' | 'desc'): string {
  return SORT_SQL[sort](order === 'asc' ? Number.MAX_SAFE_INTEGER : -1);
}

/**
 * One page of the customer list with each customer's instance rollup as of
 * `asOf`; filters, sort and keyset paging all happen in SQL.
 */
export async function listCustomers(
  db: Knex,
  query: CustomerListQuery,
): Promise<{
  items: CustomerSummary[];
  totalCount: number;
  hasMore: boolean;
  /** The cursor of the page's last row, for the next page. */
  lastKey?: CustomerListCursor;
}> {
  const sort = query.sort ?? 'name';
  const order = query.order ?? 'asc';
  const base = db('customers as c')
    .leftJoin(
      instanceRollup(db, query.asOf, query.asOf - query.activeWindowMs).as('r'),
      'r.customer_id',
      'c.id',
    )
    .leftJoin('channels as ch', function joinChannel() {
      this.on('ch.app_slug', '=', 'c.app_slug').andOn(
        'ch.slug',
        '=',
        'c.channel_slug',
      );
    });
  applyFilters(base, query);

  const [{ count }] = await base.clone().count({ count: '*' });
  const page = base.clone();
  const sql = sortSql(sort, order);
  if (query.after) {
    const { value, name, id } = query.after;
    const beyond = order === 'asc' ? '>' : '<';
    page.where(q =>
      q
        .whereRaw(`(${sql}) ${beyond} ?`, [value])
        .orWhere(tie =>
          tie
            .whereRaw(`(${sql}) = ?`, [value])
            .andWhere(byName =>
              byName
                .where('c.name', '>', name)
                .orWhere(byId =>
                  byId.where('c.name', name).andWhere('c.id', '>', id),
                ),
            ),
        ),
    );
  }
  const rows = await page
    .select(
      'c.*',
      'ch.name as channel_name',
      'r.*',
      db.raw(`${sql} as sort_value`),
    )
    .orderByRaw(`${sql} ${order}, c.name asc, c.id asc`)
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(row => toSummary(row, query.asOf)),
    totalCount: Number(count),
    hasMore: rows.length > query.limit,
    lastKey: last && {
      // PostgreSQL answers bigint expressions as strings.
      value: sort === 'name' ? last.sort_value : Number(last.sort_value),
      name: last.name,
      id: last.id,
    },
  };
}

function applyFilters(base: Knex.QueryBuilder, query: CustomerListQuery) {
  // A customer created after asOf did not exist yet.
  base.where('c.created_at', '<=', query.asOf);
  if (query.search) {
    base.whereRaw(`c.search_text like ? escape '!'`, [
      customerSearchPattern(query.search),
    ]);
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
  if (query.status === 'none') base.whereNull('r.worst_rank');
  else if (query.status) {
    base.where('r.worst_rank', APP_STATUSES.indexOf(query.status));
  }
}

/**
 * Per-customer instance rollup as of `asOf`; archived instances never
 * count. Instances whose latest check-in is after asOf are rewound with
 * index lookups (their last check-in, air gap mode and status at asOf).
 */
function instanceRollup(db: Knex, asOf: number, activeSince: number) {
  const statusRank = APP_STATUSES.map(
    (s, rank) => `when '${JSON.stringify(s)}' then ${rank}`,
  ).join(' ');
  const asOfInstances = db('instances as i')
    .where('i.first_seen_at', '<=', asOf)
    .select(
      'i.customer_id',
      'i.archived',
      // Air gap or online as last reported by asOf (never reported: online).
      db.raw(
        `case when i.last_check_in_at <= ? then i.airgap
          else coalesce(${fieldValueAtSql(
            'i.id',
            'airgap',
            '?',
            value => `${value} = 'true'`,
          )}, false)
        end as airgap`,
        [asOf, asOf],
      ),
      db.raw(
        'case when i.first_ready_at <= ? then i.first_ready_at end as first_ready_at',
        [asOf],
      ),
      db.raw(
        `case when i.last_check_in_at <= ? then i.last_check_in_at
          else (select max(ci.at) from check_ins ci where ci.instance_id = i.id and ci.at <= ?)
        end as last_check_in_at`,
        [asOf, asOf],
      ),
      db.raw(
        `case when i.last_check_in_at <= ? then i.status_rank
          else ${fieldValueAtSql(
            'i.id',
            'appStatus',
            '?',
            value => `case ${value} ${statusRank} end`,
          )}
        end as status_rank`,
        [asOf, asOf],
      ),
    )
    .as('i');
  // The instances the health column speaks of: active online and air gap.
  const counted = 'archived = ? and (airgap = ? or last_check_in_at >= ?)';
  const countedBindings = [false, true, activeSince];
  return db
    .from(asOfInstances)
    .select('customer_id')
    .select(
      db.raw(
        'sum(case when archived = ? and airgap = ? and last_check_in_at >= ? then 1 else 0 end) as active_online',
        [false, false, activeSince],
      ),
      db.raw(
        'sum(case when archived = ? and airgap = ? then 1 else 0 end) as airgap_unarchived',
        [false, true],
      ),
      db.raw('max(last_check_in_at) as last_active_at'),
      db.raw(
        'max(case when archived = ? then first_ready_at end) as latest_ready_at',
        [false],
      ),
      db.raw(
        `min(case when ${counted} then status_rank end) as worst_rank`,
        countedBindings,
      ),
      ...APP_STATUSES.map((_, rank) =>
        db.raw(
          `sum(case when ${counted} and status_rank = ${rank} then 1 else 0 end) as status_${rank}`,
          countedBindings,
        ),
      ),
    )
    .groupBy('customer_id');
}

function toSummary(row: any, asOf: number): CustomerSummary {
  const createdAt = Number(row.created_at);
  const expiresAt = toNumber(row.expires_at);
  const latestReady = toNumber(row.latest_ready_at);
  const worstRank = toNumber(row.worst_rank);
  const activeOnline = Number(row.active_online ?? 0);
  const airgap = Number(row.airgap_unarchived ?? 0);
  const expired = expiresAt !== null && expiresAt <= asOf;
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
    licenseTypeLabel: licenseTypeLabel(row.license_type),
    createdAt: toIso(createdAt)!,
    expiresAt: toIso(expiresAt),
    archived: Boolean(row.archived),
    expired,
    expiringSoon:
      !expired &&
      expiresAt !== null &&
      expiresAt <= asOf + EXPIRING_SOON_DAYS * DAY_MS,
    active: activeOnline + airgap > 0,
    status: worstRank === null ? null : APP_STATUSES[worstRank],
    statusCounts: Object.fromEntries(
      APP_STATUSES.map((s, rank) => [s, Number(row[`status_${rank}`] ?? 0)]),
    ) as Record<AppStatus, number>,
    activeInstances: activeOnline,
    airgapInstances: airgap,
    lastActiveAt: toIso(row.last_active_at),
    timeToInstallSeconds:
      latestReady === null
        ? null
        : Math.round((latestReady - createdAt) / 1000),
  };
}
