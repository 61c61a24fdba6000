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
import { isMysql } from './databaseEngine';
import { fieldValueAtSql } from './fieldValueAtSql';

export interface AdoptionQuery {
  appSlug: string;
  /** The day ends to judge at, ascending, one day apart except the last (`asOf`). */
  samples: number[];
  activeWindowMs: number;
  customerFilter: CustomerFilter;
}

/** The fields an instance's adoption figures depend on, and their columns. */
const FIELDS = {
  channel: 'channelSlug',
  sequence: 'releaseSequence',
  label: 'appVersion',
  status: 'appStatus',
};

/** The latest value of a field at the point `p.at`. */
const latestAtPoint = (column: string, field: string) =>
  `${fieldValueAtSql('p.instance_id', field, 'p.at')} AS ${column}`;

function decode<T>(raw: string | null): T | null {
  if (raw === null || raw === undefined) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/**
 * App-wide reads. Adoption over time from stored history, in one grouped
 * query per range:
 * for every sample, the active online instances of an app (an observation
 * span reaches the sample) grouped by the channel, release and status they
 * reported last by then. Rows grow with samples × releases × statuses, not
 * with check-ins.
 */
export class DatabaseAdoptionStore {
  constructor(private readonly db: Knex) {}

  /** MySQL casts to SIGNED; SQLite and PostgreSQL to BIGINT. */
  private get bigint() {
    return isMysql(this.db) ? 'SIGNED' : 'BIGINT';
  }

  async appExists(appSlug: string): Promise<boolean> {
    return Boolean(await this.db('apps').where({ slug: appSlug }).first());
  }

  /** The customers of an app the filter lets through (created by `asOf`). */
  async customersOfApp(
    appSlug: string,
    asOf: number,
    customerFilter: CustomerFilter,
  ): Promise<{ id: string; name: string; channelSlug: string }[]> {
    const rows: { id: string; name: string; channel_slug: string }[] =
      await applyCustomerFilter(
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

  /**
   * The state of an instance changes only where one of FIELDS changes: the
   * query cuts each instance's range into intervals at those changes (and
   * at the first sample), reads the fields once per interval, then counts
   * the samples each interval covers while an observation span is active.
   */
  async groups(query: AdoptionQuery): Promise<AdoptionGroup[]> {
    const { db, bigint } = this;
    const { samples } = query;
    const from = samples[0];
    const asOf = samples[samples.length - 1];
    const appInstances = applyCustomerFilter(
      db('instances as i')
        .join('customers as c', 'c.id', 'i.customer_id')
        .where('c.app_slug', query.appSlug)
        // A customer created after asOf did not exist yet (docs/metrics.md);
        // once it does, its instances' history before that counts too.
        .andWhere('c.created_at', '<=', asOf)
        .andWhere('i.archived', false)
        .andWhere('i.airgap', false)
        .andWhere('i.first_seen_at', '<=', asOf)
        .select('i.id', 'i.first_seen_at', 'c.channel_slug'),
      query.customerFilter,
    );
    const fieldNames = Object.values(FIELDS);
    const rows = await db
      // The day ends, then asOf (one sample when asOf is in the first day).
      .withRecursive(
        'day_ends',
        ['at'],
        db.raw(
          `SELECT CAST(? AS ${bigint}) AS at UNION ALL SELECT at + ${DAY_MS} FROM day_ends WHERE at + ${DAY_MS} < ?`,
          [from, asOf],
        ),
      )
      .with(
        'samples',
        db.raw(
          `SELECT at FROM day_ends WHERE at < ? UNION ALL SELECT CAST(? AS ${bigint}) AS at`,
          [asOf, asOf],
        ),
      )
      .with('app_instances', appInstances)
      .with(
        'points',
        db.raw(
          `SELECT ai.id AS instance_id, CASE WHEN ai.first_seen_at > ? THEN ai.first_seen_at ELSE ? END AS at FROM app_instances ai` +
            ` UNION SELECT e.instance_id, e.at FROM instance_events e JOIN app_instances ai ON ai.id = e.instance_id` +
            ` WHERE e.field IN (${fieldNames
              .map(() => '?')
              .join(', ')}) AND e.at > ? AND e.at <= ?`,
          [from, from, ...fieldNames, from, asOf],
        ),
      )
      .with(
        'intervals',
        db.raw(
          `SELECT p.instance_id, p.at AS start_at,` +
            ` LEAD(p.at) OVER (PARTITION BY p.instance_id ORDER BY p.at) AS end_at, ${Object.entries(
              FIELDS,
            )
              .map(([column, field]) => latestAtPoint(column, field))
              .join(', ')} FROM points p`,
        ),
      )
      .from('intervals as iv')
      .join('samples as s', function inInterval() {
        this.on('s.at', '>=', 'iv.start_at').andOn(b =>
          b.onNull('iv.end_at').orOn('s.at', '<', 'iv.end_at'),
        );
      })
      .join('app_instances as ai', 'ai.id', 'iv.instance_id')
      .whereExists(
        db('instance_spans as sp')
          .whereRaw('sp.instance_id = iv.instance_id')
          .andWhereRaw('sp.start_at <= s.at')
          .andWhereRaw('sp.last_at >= s.at - ?', [query.activeWindowMs]),
      )
      .select(
        's.at as sample_at',
        'ai.channel_slug as customer_channel',
        ...Object.keys(FIELDS).map(column => `iv.${column}`),
      )
      .count({ n: '*' })
      .groupBy(
        's.at',
        'ai.channel_slug',
        ...Object.keys(FIELDS).map(column => `iv.${column}`),
      );
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
