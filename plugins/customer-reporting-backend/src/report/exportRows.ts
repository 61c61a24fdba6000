import {
  CustomerSummary,
  licenseTypeLabel,
} from '@customer-reporting/plugin-customer-reporting-common';
import { Stores } from '../database/createStores';
import { CustomerListCursor } from '../database/customerList';
import { InstanceRow } from '../database/instancesAsOf';
import { InstallAttemptFilters } from '../database/installAttemptQuery';
import { decodeField } from '../ingest/checkInFields';
import { instanceActivity } from '../metrics/activity';
import { displayVersion } from '../metrics/versions';
import { CustomerFilter } from '../permissions/customerFilter';
import { toReportAttempt } from './attemptView';
import { instanceDisplayName } from './instanceView';
import { isoTime as iso } from './isoTime';

const PAGE = 500;
const CUSTOMERS_PER_INSTANCE_PAGE = 100;
const seconds = (from: number, to: number | null) =>
  to === null ? null : Math.round((to - from) / 1000);

/*
 * Row generators of the CSV exports: each reads one page at a time (keyset
 * pagination), so an export of any size holds one page in memory.
 */

export const CUSTOMER_COLUMNS = [
  'customer_id',
  'customer_name',
  'customer_created_date',
  'customer_expiration_date',
  'customer_license_type',
  'customer_app',
  'customer_channel',
  'customer_email',
  'customer_custom_id',
  'customer_is_archived',
  'customer_is_active',
  'customer_active_instances',
  'customer_airgap_instances',
  'customer_last_active_at',
  'customer_time_to_install_seconds',
];

function customerCells(c: CustomerSummary) {
  return [
    c.id,
    c.name,
    c.createdAt,
    c.expiresAt,
    c.licenseTypeLabel,
    c.appSlug,
    c.channelName,
    c.email,
    c.customId,
    c.archived,
    c.active,
    c.activeInstances,
    c.airgapInstances,
    c.lastActiveAt,
    c.timeToInstallSeconds,
  ];
}

export async function* customerRows(
  stores: Stores,
  asOf: number,
  activeWindowMs: number,
  customerFilter: CustomerFilter,
): AsyncIterable<unknown[][]> {
  let after: CustomerListCursor | undefined;
  for (;;) {
    const { items, hasMore, lastKey } = await stores.customers.listCustomers({
      limit: PAGE,
      after,
      asOf,
      activeWindowMs,
      customerFilter,
    });
    yield items.map(customerCells);
    if (!hasMore) return;
    after = lastKey;
  }
}

export const CUSTOMER_INSTANCE_COLUMNS = [
  'customer_id',
  'customer_name',
  'customer_created_date',
  'customer_expiration_date',
  'customer_license_type',
  'customer_channel',
  'customer_email',
  'customer_is_archived',
  'instance_id',
  'instance_name',
  'instance_is_active',
  'instance_is_airgap',
  'instance_is_archived',
  'instance_first_reported_at',
  'instance_first_ready_at',
  'instance_last_reported_at',
  'instance_time_to_install_seconds',
  'license_time_to_install_seconds',
  'instance_app_status',
  'instance_app_version',
  'instance_channel',
  'instance_k8s_version',
  'instance_k8s_distribution',
  'instance_cluster_type',
  'instance_cloud_provider',
  'instance_cloud_region',
  'instance_kots_version',
  'instance_sdk_version',
];

/** The instance cells of a customer without instances: all empty. */
const NO_INSTANCE_CELLS = CUSTOMER_INSTANCE_COLUMNS.filter(
  column => !column.startsWith('customer_'),
).map(() => null);

/**
 * One row per instance seen by `asOf`, and one row with empty instance cells
 * for each customer without any, so the file lists every customer.
 */
export async function* customerInstanceRows(
  stores: Stores,
  asOf: number,
  activeWindowMs: number,
  customerFilter: CustomerFilter,
): AsyncIterable<unknown[][]> {
  let afterId: string | undefined;
  for (;;) {
    // Fewer customers per page than rows elsewhere: each brings its instances.
    const customers = await stores.report.getCustomersPage(
      CUSTOMERS_PER_INSTANCE_PAGE,
      afterId,
      customerFilter,
      asOf,
    );
    if (customers.length === 0) return;
    const instancesByCustomer = new Map<string, InstanceRow[]>();
    for (const i of await stores.report.getInstancesOf(
      customers.map(c => c.id),
      asOf,
    )) {
      instancesByCustomer.set(i.customerId, [
        ...(instancesByCustomer.get(i.customerId) ?? []),
        i,
      ]);
    }
    yield customers.flatMap(c => {
      const instances = instancesByCustomer.get(c.id) ?? [];
      const customerCellsOf = [
        c.id,
        c.name,
        iso(c.created_at),
        iso(c.expires_at),
        licenseTypeLabel(c.license_type),
        c.channel_name ?? c.channel_slug,
        c.email,
        Boolean(c.archived),
      ];
      if (instances.length === 0) {
        return [[...customerCellsOf, ...NO_INSTANCE_CELLS]];
      }
      return instances.map(i => [
        ...customerCellsOf,
        ...instanceCells(i, Number(c.created_at), asOf, activeWindowMs),
      ]);
    });
    afterId = customers[customers.length - 1].id;
  }
}

function instanceCells(
  i: InstanceRow,
  customerCreatedAt: number,
  asOf: number,
  activeWindowMs: number,
) {
  const field = (name: string) => decodeField<unknown>(i.state, name) ?? null;
  const airgap = Boolean(field('airgap'));
  // Active means online and active, as in the report's "N active · N air gap".
  const activity = instanceActivity({ ...i, airgap }, asOf, activeWindowMs);
  return [
    i.id,
    instanceDisplayName(field('tags') as Record<string, string> | null),
    activity === 'active',
    airgap,
    i.archived,
    iso(i.firstSeenAt),
    iso(i.firstReadyAt),
    iso(i.lastCheckInAt),
    seconds(i.firstSeenAt, i.firstReadyAt),
    seconds(customerCreatedAt, i.firstReadyAt),
    field('appStatus'),
    displayVersion(
      field('appVersion') as string | null,
      field('releaseSequence') as number | null,
    ),
    field('channelSlug'),
    field('k8sVersion'),
    field('k8sDistribution'),
    field('clusterType'),
    field('cloudProvider'),
    field('cloudRegion'),
    field('kotsVersion'),
    field('sdkVersion'),
  ];
}

export const INSTALL_ATTEMPT_COLUMNS = [
  'attempt_id',
  'customer_id',
  'customer_name',
  'status',
  'install_type',
  'started_at',
  'duration_seconds',
  'user_email',
  'app_version',
  'k8s_distribution',
  'os',
  'os_version',
  'network_mode',
  'registry',
  'furthest_step',
  'failed_step',
  'reason',
  'instance_id',
];

export async function* installAttemptRows(
  stores: Stores,
  filters: InstallAttemptFilters,
  asOf: number,
  stalledAfterMs: number,
  customerFilter: CustomerFilter,
): AsyncIterable<unknown[][]> {
  let after: { value: string | number; id: string } | undefined;
  for (;;) {
    const { rows, hasMore, lastKey } =
      await stores.installAttempts.listAttempts(filters, {
        asOf,
        stalledAfterMs,
        limit: PAGE,
        after,
        sort: 'startedAt',
        customerFilter,
        order: 'desc',
      });
    yield rows.map(row => {
      const a = toReportAttempt(row, asOf, stalledAfterMs);
      return [
        a.id,
        row.customer_id,
        row.customer_name,
        a.status,
        a.installType,
        a.startedAt,
        a.durationSeconds,
        a.userEmail,
        a.appVersion,
        a.environment.k8sDistribution,
        a.environment.os,
        a.environment.osVersion,
        a.networkMode,
        a.registry,
        // The furthest in the install type's order, not the latest by time.
        row.furthest_step ?? null,
        a.failedStep,
        a.reason,
        row.instance_id,
      ];
    });
    if (!hasMore || !lastKey) return;
    after = lastKey;
  }
}
