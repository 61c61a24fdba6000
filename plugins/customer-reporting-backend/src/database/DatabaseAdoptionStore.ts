import { Knex } from 'knex';
import {
  APP_STATUSES,
  AppStatus,
} from '@customer-reporting/plugin-customer-reporting-common';
import { AdoptionGroup } from '../metrics/adoption';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';
import { fieldValueAtSql } from './fieldValueAtSql';
import { greaterSql, lesserSql, SampleIndexSql } from './sampleIndexSql';

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
   * at the first sample) and reads the fields once per interval. An
   * instance is active at a sample that one of its observation spans
   * reaches (start ≤ sample ≤ last check-in + the active window); those
   * reaches are cut into disjoint pieces, so each interval ∩ piece is a
   * run of consecutive samples, counted by its first and last index. The
   * database returns one row per group and run, not per sample, and the
   * runs are spread over their samples here.
   */
  async groups(query: AdoptionQuery): Promise<AdoptionGroup[]> {
    const { db } = this;
    const { samples, activeWindowMs: window } = query;
    if (!Number.isSafeInteger(window))
      throw new Error(`Active window must be whole ms: ${window}`);
    const index = new SampleIndexSql(
      db,
      samples[0],
      samples[samples.length - 1],
    );
    const { from, asOf } = index;
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
    const columns = Object.keys(FIELDS);
    // An interval's last moment: just before the next point, else asOf.
    const lastMoment = (alias: string) =>
      `(CASE WHEN ${alias}.end_at IS NULL THEN ${asOf} ELSE ${alias}.end_at - 1 END)`;
    const rows = await db
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
        'bounds',
        db.raw(
          `SELECT p.instance_id, p.at, LEAD(p.at) OVER (PARTITION BY p.instance_id ORDER BY p.at) AS end_at FROM points p`,
        ),
      )
      // The fields are read only for intervals that hold a sample.
      .with(
        'intervals',
        db.raw(
          `SELECT p.instance_id, p.at AS start_at, p.end_at, ${Object.entries(
            FIELDS,
          )
            .map(([column, field]) => latestAtPoint(column, field))
            .join(', ')} FROM bounds p` +
            ` WHERE ${index.firstAtOrAfter('p.at')} <= ${index.lastAtOrBefore(
              lastMoment('p'),
            )}`,
        ),
      )
      // Each span reaches from its start to its last check-in + the window;
      // a reach starts after all earlier reaches of the instance end, so
      // overlapping reaches count a sample once.
      .with(
        'reaches',
        db.raw(
          `SELECT instance_id, ${greaterSql(
            'start_at',
            'COALESCE(earlier_end + 1, start_at)',
          )} AS start_at, end_at FROM (` +
            `SELECT sp.instance_id, sp.start_at, sp.last_at + ${window} AS end_at,` +
            ` MAX(sp.last_at + ${window}) OVER (PARTITION BY sp.instance_id ORDER BY sp.start_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end` +
            ` FROM instance_spans sp JOIN app_instances ai ON ai.id = sp.instance_id` +
            ` WHERE sp.last_at >= ${
              from - window
            } AND sp.start_at <= ${asOf}) spans`,
        ),
      )
      .with(
        'covered',
        db.raw(
          `SELECT iv.instance_id, ${columns.map(c => `iv.${c}`).join(', ')},` +
            ` ${greaterSql('iv.start_at', 'r.start_at')} AS from_at,` +
            ` ${lesserSql(
              lastMoment('iv'),
              lesserSql('r.end_at', String(asOf)),
            )} AS to_at` +
            ` FROM intervals iv JOIN reaches r ON r.instance_id = iv.instance_id`,
        ),
      )
      .with(
        'runs',
        db.raw(
          `SELECT o.instance_id, ${columns.map(c => `o.${c}`).join(', ')},` +
            ` ${index.firstAtOrAfter('o.from_at')} AS first_sample,` +
            ` ${index.lastAtOrBefore('o.to_at')} AS last_sample` +
            ` FROM covered o WHERE o.from_at <= o.to_at`,
        ),
      )
      .from('runs as rn')
      .join('app_instances as ai', 'ai.id', 'rn.instance_id')
      .whereRaw('rn.first_sample <= rn.last_sample')
      .select(
        'ai.channel_slug as customer_channel',
        ...columns.map(c => `rn.${c}`),
        'rn.first_sample',
        'rn.last_sample',
      )
      .count({ n: '*' })
      .groupBy(
        'ai.channel_slug',
        ...columns.map(c => `rn.${c}`),
        'rn.first_sample',
        'rn.last_sample',
      );
    return spreadOverSamples(rows, index);
  }
}

/** The database's runs as one group per sample and state. */
function spreadOverSamples(
  rows: Record<string, unknown>[],
  index: SampleIndexSql,
): AdoptionGroup[] {
  const groups = new Map<string, AdoptionGroup>();
  for (const r of rows) {
    const status = decode<string>(r.status as string);
    const state = {
      channelSlug:
        decode<string>(r.channel as string) ?? (r.customer_channel as string),
      sequence: decode<number>(r.sequence as string),
      versionLabel: decode<string>(r.label as string),
      status: APP_STATUSES.includes(status as AppStatus)
        ? (status as AppStatus)
        : null,
    };
    const stateKey = JSON.stringify(Object.values(state));
    for (let i = Number(r.first_sample); i <= Number(r.last_sample); i++) {
      const key = `${i} ${stateKey}`;
      const group = groups.get(key);
      if (group) group.count += Number(r.n);
      else groups.set(key, { at: index.at(i), ...state, count: Number(r.n) });
    }
  }
  return [...groups.values()].sort((a, b) => a.at - b.at);
}
