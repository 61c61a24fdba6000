import { Knex } from 'knex';
import {
  APP_STATUSES,
  AppStatus,
} from '@customer-reporting/plugin-customer-reporting-common';
import { AdoptionGroup } from '../metrics/adoption';
import { DAY_MS } from '../metrics/adoptionRange';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';

export interface AdoptionQuery {
  appSlug: string;
  /** The day ends to judge at, ascending, one day apart except the last (`asOf`). */
  samples: number[];
  activeWindowMs: number;
  customerFilter: CustomerFilter;
}

/** The latest value of an instance field at the sample `s.at` (instance_events' key serves it). */
const latestField = (field: string, alias: string) =>
  `(SELECT e.value FROM instance_events e WHERE e.instance_id = i.id` +
  ` AND e.field = '${field}' AND e.at <= s.at ORDER BY e.at DESC LIMIT 1) AS ${alias}`;

/** What the instances of a sample are grouped by. */
const GROUPED_BY = [
  'sample_at',
  'customer_channel',
  'channel',
  'sequence',
  'label',
  'status',
];

function decode<T>(raw: string | null): T | null {
  if (raw === null || raw === undefined) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/**
 * Adoption over time from stored history, in one grouped query per range:
 * for every sample, the active online instances of an app (an observation
 * span reaches the sample) grouped by the channel, release and status they
 * reported last by then. Rows grow with samples × releases × statuses, not
 * with check-ins.
 */
export class DatabaseAdoptionStore {
  constructor(private readonly db: Knex) {}

  async appExists(appSlug: string): Promise<boolean> {
    return Boolean(await this.db('apps').where({ slug: appSlug }).first());
  }

  /** The customers of an app the filter lets through (created by `asOf`). */
  async customersOfApp(
    appSlug: string,
    asOf: number,
    customerFilter: CustomerFilter,
  ): Promise<{ id: string; name: string; channelSlug: string }[]> {
    const rows = await applyCustomerFilter(
      this.db('customers as c')
        .where('c.app_slug', appSlug)
        .andWhere('c.created_at', '<=', asOf),
      customerFilter,
    ).select('c.id', 'c.name', 'c.channel_slug');
    return rows.map(r => ({
      id: r.id,
      name: r.name,
      channelSlug: r.channel_slug,
    }));
  }

  async groups(query: AdoptionQuery): Promise<AdoptionGroup[]> {
    const { db } = this;
    const { samples } = query;
    const bigint = String(db.client.config.client).includes('mysql')
      ? 'SIGNED'
      : 'BIGINT';
    const daily = samples.slice(0, -1);
    const asOf = samples[samples.length - 1];
    const perInstance = applyCustomerFilter(
      db
        .from(
          db.raw(
            `(SELECT at FROM day_ends UNION ALL SELECT CAST(? AS ${bigint})) s`,
            [asOf],
          ),
        )
        .crossJoin(db.raw('instances i'))
        .join('customers as c', 'c.id', 'i.customer_id')
        .where('c.app_slug', query.appSlug)
        .andWhere('i.archived', false)
        .andWhere('i.airgap', false)
        .whereExists(
          db('instance_spans as sp')
            .whereRaw('sp.instance_id = i.id')
            .andWhereRaw('sp.start_at <= s.at')
            .andWhereRaw('sp.last_at >= s.at - ?', [query.activeWindowMs]),
        )
        .select(
          's.at as sample_at',
          'c.channel_slug as customer_channel',
          db.raw(latestField('channelSlug', 'channel')),
          db.raw(latestField('releaseSequence', 'sequence')),
          db.raw(latestField('appVersion', 'label')),
          db.raw(latestField('appStatus', 'status')),
        ),
      query.customerFilter,
    );
    // Day ends before asOf; an empty first row when asOf is in the first day.
    const dayEnds = daily.length
      ? db.raw(
          `SELECT CAST(? AS ${bigint}) AS at UNION ALL SELECT at + ${DAY_MS} FROM day_ends WHERE at + ${DAY_MS} <= ?`,
          [daily[0], daily[daily.length - 1]],
        )
      : db.raw(`SELECT CAST(? AS ${bigint}) AS at WHERE 1 = 0`, [asOf]);
    const rows = await db
      .withRecursive('day_ends', ['at'], dayEnds)
      .from(perInstance.as('x'))
      .select(...GROUPED_BY)
      .count({ n: '*' })
      .groupBy(...GROUPED_BY);
    return rows.map(r => {
      const status = decode<string>(r.status as string);
      return {
        at: Number(r.sample_at),
        channelSlug:
          decode<string>(r.channel as string) ?? (r.customer_channel as string),
        sequence: decode<number>(r.sequence as string),
        versionLabel: decode<string>(r.label as string),
        status: APP_STATUSES.includes(status as AppStatus)
          ? (status as AppStatus)
          : null,
        count: Number(r.n),
      };
    });
  }
}
