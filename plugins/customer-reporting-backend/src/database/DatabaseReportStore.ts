import { Knex } from 'knex';
import { chunk } from './chunk';
import { AppStatus } from '@customer-reporting/plugin-customer-reporting-common';
import { FieldValues } from '../metrics/changeEvents';
import {
  ObservationSpan,
  OBSERVATION_WINDOW_MS,
} from '../metrics/observationSpans';
import { Release } from '../metrics/versions';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';
import { StatusChange } from '../metrics/uptime';

export interface InstanceRow {
  id: string;
  customerId: string;
  archived: boolean;
  firstSeenAt: number;
  firstReadyAt: number | null;
  lastCheckInAt: number;
  state: FieldValues;
}

/**
 * Bounded reads behind the customer report: every query is limited to one
 * customer's instances, and to the status changes and observation spans of
 * the window asked for, never to all check-ins.
 */
export class DatabaseReportStore {
  constructor(private readonly db: Knex) {}

  /** The customer an instance belongs to, if the instance exists. */
  async getInstanceCustomerId(instanceId: string): Promise<string | undefined> {
    const row = await this.db('instances')
      .where({ id: instanceId })
      .first('customer_id');
    return row?.customer_id;
  }

  async getCustomer(id: string) {
    return this.db('customers as c')
      .leftJoin('channels as ch', function joinChannel() {
        this.on('ch.app_slug', '=', 'c.app_slug').andOn(
          'ch.slug',
          '=',
          'c.channel_slug',
        );
      })
      .where('c.id', id)
      .first('c.*', 'ch.name as channel_name');
  }

  async getReleases(appSlug: string): Promise<Map<string, Release[]>> {
    const rows = await this.db('releases')
      .where({ app_slug: appSlug })
      .orderBy('sequence');
    const byChannel = new Map<string, Release[]>();
    for (const r of rows) {
      const list = byChannel.get(r.channel_slug) ?? [];
      list.push({
        sequence: Number(r.sequence),
        versionLabel: r.version_label,
        promotedAt: Number(r.promoted_at),
      });
      byChannel.set(r.channel_slug, list);
    }
    return byChannel;
  }

  /** The customer's instances as they were at `asOf`. */
  async getInstances(customerId: string, asOf: number): Promise<InstanceRow[]> {
    return this.readInstances(
      this.db('instances').where({ customer_id: customerId }),
      asOf,
    );
  }

  /** One instance as it was at `asOf`; undefined if unknown or not yet seen. */
  async getInstance(
    id: string,
    asOf: number,
  ): Promise<InstanceRow | undefined> {
    const [instance] = await this.readInstances(
      this.db('instances').where({ id }),
      asOf,
    );
    return instance;
  }

  /** These instances as they were at `asOf` (those not yet seen are left out). */
  async getInstancesById(ids: string[], asOf: number): Promise<InstanceRow[]> {
    const rows: InstanceRow[] = [];
    for (const part of chunk(ids, 500))
      rows.push(
        ...(await this.readInstances(
          this.db('instances').whereIn('id', part),
          asOf,
        )),
      );
    return rows;
  }

  /**
   * A page of the customers the caller may see, ordered by id, with their
   * channel's name, for exports; `afterId` is the last id of the previous page.
   */
  async getCustomersPage(
    limit: number,
    afterId: string | undefined,
    customerFilter: CustomerFilter,
  ): Promise<any[]> {
    const query = applyCustomerFilter(
      this.db('customers as c').leftJoin(
        'channels as ch',
        function joinChannel() {
          this.on('ch.app_slug', '=', 'c.app_slug').andOn(
            'ch.slug',
            '=',
            'c.channel_slug',
          );
        },
      ),
      customerFilter,
    )
      .select('c.*', 'ch.name as channel_name')
      .orderBy('c.id')
      .limit(limit);
    if (afterId !== undefined) query.where('c.id', '>', afterId);
    return query;
  }

  /** The instances of these customers as they were at `asOf`, by id. */
  async getInstancesOf(
    customerIds: string[],
    asOf: number,
  ): Promise<InstanceRow[]> {
    return this.readInstances(
      this.db('instances').whereIn('customer_id', customerIds),
      asOf,
    );
  }

  private async readInstances(
    query: Knex.QueryBuilder,
    asOf: number,
  ): Promise<InstanceRow[]> {
    const rows = await query
      .andWhere('first_seen_at', '<=', asOf)
      .orderBy('id');
    const instances: InstanceRow[] = (rows as any[]).map(r => ({
      id: r.id,
      customerId: r.customer_id,
      archived: Boolean(r.archived),
      firstSeenAt: Number(r.first_seen_at),
      firstReadyAt:
        r.first_ready_at === null || Number(r.first_ready_at) > asOf
          ? null
          : Number(r.first_ready_at),
      lastCheckInAt: Number(r.last_check_in_at),
      state: JSON.parse(r.state),
    }));
    const rewound = instances.filter(i => i.lastCheckInAt > asOf);
    if (rewound.length > 0) await this.rewind(rewound, asOf);
    return instances;
  }

  /** Replaces state and last check-in by their values at `asOf`. */
  private async rewind(instances: InstanceRow[], asOf: number) {
    const byId = new Map(instances.map(i => [i.id, i]));
    for (const ids of chunk([...byId.keys()], 500)) {
      const latest = this.db('instance_events')
        .whereIn('instance_id', ids)
        .andWhere('at', '<=', asOf)
        .groupBy('instance_id', 'field')
        .select('instance_id', 'field')
        .max({ at: 'at' })
        .as('latest');
      const values = await this.db('instance_events as e')
        .join(latest, function onLatest() {
          this.on('e.instance_id', '=', 'latest.instance_id')
            .andOn('e.field', '=', 'latest.field')
            .andOn('e.at', '=', 'latest.at');
        })
        .select('e.instance_id', 'e.field', 'e.value');
      for (const instance of ids.map(id => byId.get(id)!)) instance.state = {};
      for (const v of values) byId.get(v.instance_id)!.state[v.field] = v.value;
      const lastRows = await this.db('check_ins')
        .whereIn('instance_id', ids)
        .andWhere('at', '<=', asOf)
        .groupBy('instance_id')
        .select('instance_id')
        .max({ at: 'at' });
      for (const r of lastRows as { instance_id: string; at: unknown }[]) {
        byId.get(r.instance_id)!.lastCheckInAt = Number(r.at);
      }
    }
  }

  /**
   * Status changes from the last one before `from` up to `to`, and the
   * observation spans that can reach into [from, to], per instance.
   */
  async getStatusTimelines(instanceIds: string[], from: number, to: number) {
    const timelines = new Map<
      string,
      { changes: StatusChange[]; spans: ObservationSpan[] }
    >(instanceIds.map(id => [id, { changes: [], spans: [] }]));
    for (const ids of chunk(instanceIds, 500)) {
      const before = this.db('instance_events')
        .whereIn('instance_id', ids)
        .andWhere({ field: 'appStatus' })
        .andWhere('at', '<', from)
        .groupBy('instance_id')
        .select('instance_id')
        .max({ at: 'at' })
        .as('before');
      const [initial, inWindow, spans] = await Promise.all([
        this.db('instance_events as e')
          .join(before, function onBefore() {
            this.on('e.instance_id', '=', 'before.instance_id').andOn(
              'e.at',
              '=',
              'before.at',
            );
          })
          .where('e.field', 'appStatus')
          .select('e.instance_id', 'e.at', 'e.value'),
        this.db('instance_events')
          .whereIn('instance_id', ids)
          .andWhere({ field: 'appStatus' })
          .andWhere('at', '>=', from)
          .andWhere('at', '<=', to)
          .orderBy('at')
          .select('instance_id', 'at', 'value'),
        this.db('instance_spans')
          .whereIn('instance_id', ids)
          .andWhere('last_at', '>=', from - OBSERVATION_WINDOW_MS)
          .andWhere('start_at', '<=', to)
          .select('instance_id', 'start_at', 'last_at'),
      ]);
      for (const e of [...initial, ...inWindow]) {
        timelines.get(e.instance_id)!.changes.push({
          at: Number(e.at),
          status: JSON.parse(e.value) as AppStatus,
        });
      }
      for (const s of spans) {
        timelines.get(s.instance_id)!.spans.push({
          start: Number(s.start_at),
          last: Math.min(Number(s.last_at), to),
        });
      }
    }
    for (const t of timelines.values()) t.changes.sort((a, b) => a.at - b.at);
    return timelines;
  }

  /** Portal activity of a customer up to `asOf`, aggregated in SQL. */
  async getPortalActivity(customerId: string, asOf: number) {
    const base = () =>
      this.db('portal_events')
        .where({ customer_id: customerId })
        .andWhere('at', '<=', asOf);
    // Independent reads: on PostgreSQL they run side by side on the pool.
    const [byType, users, lastDownload] = await Promise.all([
      base()
        .groupBy('type')
        .select('type')
        .count({ count: '*' })
        .min({ first: 'at' })
        .max({ last: 'at' }),
      base()
        .whereIn('type', ['user-invited', 'user-joined'])
        .whereNotNull('email')
        .groupBy('email')
        .select(
          'email',
          this.db.raw(
            `max(case when type = 'user-joined' then 1 else 0 end) as joined`,
          ),
        )
        .orderBy('email')
        .limit(500),
      base()
        .where({ type: 'downloaded' })
        .orderBy('at', 'desc')
        .first('at', 'version'),
    ]);
    return {
      byType: new Map(
        (byType as any[]).map(r => [
          r.type as string,
          {
            count: Number(r.count),
            first: Number(r.first),
            last: Number(r.last),
          },
        ]),
      ),
      users: users.map(u => ({
        email: u.email as string,
        joined: Number(u.joined) === 1,
      })),
      lastDownload: lastDownload
        ? { at: Number(lastDownload.at), version: lastDownload.version ?? null }
        : null,
    };
  }

  /** The customer's most recent install attempts started by `asOf`, and how many there are. */
  async getInstallAttempts(customerId: string, asOf: number, limit: number) {
    const base = () =>
      this.db('install_attempts')
        .where({ customer_id: customerId })
        .andWhere('started_at', '<=', asOf);
    const [rows, [{ count }]] = await Promise.all([
      base()
        .orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id' }])
        .limit(limit),
      base().count({ count: '*' }),
    ]);
    return { rows, total: Number(count) };
  }
}
