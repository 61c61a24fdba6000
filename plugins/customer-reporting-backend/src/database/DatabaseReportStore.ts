import { Knex } from 'knex';
import { chunk } from './chunk';
import { Release } from '../metrics/versions';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';
import {
  instancesAsOf,
  InstanceRow,
  readInstancesAsOf,
  seenBy,
} from './instancesAsOf';
import { attemptRowsAsOf } from './attemptRowsAsOf';
import { preparedQuery } from './preparedQuery';
import {
  readCustomerStatusTimelines,
  readStatusTimelines,
} from './statusTimelines';
import {
  readPortalActivity,
  readRecentInstallAttempts,
} from './customerActivity';

/** A customer with its channel's name. */
const customerById = preparedQuery<{ id: string }>((db, param) =>
  db('customers as c')
    .leftJoin('channels as ch', function joinChannel() {
      this.on('ch.app_slug', '=', 'c.app_slug').andOn(
        'ch.slug',
        '=',
        'c.channel_slug',
      );
    })
    .where('c.id', param('id'))
    .select('c.*', 'ch.name as channel_name')
    .limit(1),
);

/**
 * The releases of a customer's app, found by a subquery, so that the report
 * reads them beside the customer instead of after it.
 */
const customerReleases = preparedQuery<{ customerId: string }>((db, param) =>
  db('releases')
    .where(
      'app_slug',
      db('customers')
        .where({ id: param('customerId') })
        .select('app_slug'),
    )
    .orderBy('sequence'),
);

/** A customer's instances first seen by `asOf`. */
const customerInstances = preparedQuery<{ customerId: string; asOf: number }>(
  (db, param) =>
    seenBy(
      db('instances').where({ customer_id: param('customerId') }),
      param('asOf'),
    ),
);

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
    const [row] = await customerById(this.db, { id });
    return row;
  }

  async getReleases(appSlug: string): Promise<Map<string, Release[]>> {
    return releasesByChannel(
      await this.db('releases')
        .where({ app_slug: appSlug })
        .orderBy('sequence'),
    );
  }

  /** The releases of the customer's app. */
  async getCustomerReleases(
    customerId: string,
  ): Promise<Map<string, Release[]>> {
    return releasesByChannel(await customerReleases(this.db, { customerId }));
  }

  /** The customer's instances as they were at `asOf`. */
  async getInstances(customerId: string, asOf: number): Promise<InstanceRow[]> {
    return instancesAsOf(
      this.db,
      await customerInstances(this.db, { customerId, asOf }),
      asOf,
    );
  }

  /** One instance as it was at `asOf`; undefined if unknown or not yet seen. */
  async getInstance(
    id: string,
    asOf: number,
  ): Promise<InstanceRow | undefined> {
    const [instance] = await readInstancesAsOf(
      this.db,
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
        ...(await readInstancesAsOf(
          this.db,
          this.db('instances').whereIn('id', part),
          asOf,
        )),
      );
    return rows;
  }

  /**
   * A page of the customers the caller may see and that existed at `asOf`,
   * ordered by id, with their channel's name, for exports; `afterId` is the
   * last id of the previous page.
   */
  async getCustomersPage(
    limit: number,
    afterId: string | undefined,
    customerFilter: CustomerFilter,
    asOf: number,
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
      // Customers created later did not exist yet.
      .where('c.created_at', '<=', asOf)
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
    return readInstancesAsOf(
      this.db,
      this.db('instances').whereIn('customer_id', customerIds),
      asOf,
    );
  }

  /**
   * Status changes from the last one before `from` up to `to`, and the
   * observation spans that can reach into [from, to], per instance.
   */
  async getStatusTimelines(instanceIds: string[], from: number, to: number) {
    return readStatusTimelines(this.db, instanceIds, from, to);
  }

  /** The status timelines of the customer's instances first seen by `asOf`. */
  async getCustomerStatusTimelines(
    customerId: string,
    asOf: number,
    from: number,
    to: number,
  ) {
    return readCustomerStatusTimelines(this.db, customerId, asOf, from, to);
  }

  /** Portal activity of a customer up to `asOf`, aggregated in SQL. */
  async getPortalActivity(customerId: string, asOf: number) {
    return readPortalActivity(this.db, customerId, asOf);
  }

  /** The customer's most recent install attempts started by `asOf`, and how many there are. */
  async getInstallAttempts(customerId: string, asOf: number, limit: number) {
    const { rows, total } = await readRecentInstallAttempts(
      this.db,
      customerId,
      asOf,
      limit,
    );
    return { rows: await attemptRowsAsOf(this.db, rows, asOf), total };
  }
}

/** Release rows (in sequence order) per channel. */
function releasesByChannel(rows: any[]): Map<string, Release[]> {
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
