import { NotFoundError } from '@backstage/errors';
import {
  CustomerReport,
  licenseTypeLabel,
} from '@customer-reporting/plugin-customer-reporting-common';
import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { decodeField } from '../ingest/checkInFields';
import {
  countActivities,
  instanceActivity,
  isCustomerActive,
} from '../metrics/activity';
import { customerTimeToInstall } from '../metrics/timeToInstall';
import { toReportAttempt } from './attemptView';
import { buildPortal } from './buildPortal';
import { fourteenDays } from './fourteenDays';
import { toReportInstance } from './instanceView';
import { isoTime as iso } from './isoTime';

/** The report shows a customer's latest install attempts, newest first. */
const MAX_ATTEMPTS = 100;
/** An instance without status changes or spans in the window. */
const NO_TIMELINE = { changes: [], spans: [] };

export interface ReportOptions {
  asOf: number;
  includeInactive: boolean;
  includeArchived: boolean;
  activeWindowMs: number;
  stalledAfterMs: number;
  downloadPortalBaseUrl: string;
}

/** Assembles `GET /v1/customers/{id}/report` from bounded reads and pure metrics. */
export async function buildCustomerReport(
  store: DatabaseReportStore,
  customerId: string,
  options: ReportOptions,
): Promise<CustomerReport> {
  const { asOf } = options;
  const days = fourteenDays(asOf);
  // All reads side by side, none waiting for another's answer (PostgreSQL
  // runs them on the pool); an unknown customer just finds nothing in the
  // others. Timelines come for all the customer's instances, also those the
  // report leaves out: bounded by the customer, and one round instead of two.
  const [row, instances, portalActivity, attempts, timelines, releases] =
    await Promise.all([
      store.getCustomer(customerId),
      store.getInstances(customerId, asOf),
      store.getPortalActivity(customerId, asOf),
      store.getInstallAttempts(customerId, asOf, MAX_ATTEMPTS),
      store.getCustomerStatusTimelines(customerId, asOf, days.start, asOf),
      store.getCustomerReleases(customerId),
    ]);
  // A customer created after asOf did not exist yet.
  if (!row || Number(row.created_at) > asOf)
    throw new NotFoundError(`Unknown customer: ${customerId}`);
  const activities = instances.map(i =>
    instanceActivity(
      { ...i, airgap: decodeField<boolean>(i.state, 'airgap') ?? false },
      asOf,
      options.activeWindowMs,
    ),
  );
  const shown = instances.flatMap((instance, n) => {
    const activity = activities[n];
    const isShown =
      (activity !== 'archived' || options.includeArchived) &&
      (activity !== 'inactive' || options.includeInactive);
    return isShown ? [{ instance, activity }] : [];
  });

  const createdAt = Number(row.created_at);
  const tti = customerTimeToInstall(createdAt, instances, asOf);

  return {
    customer: {
      id: row.id,
      name: row.name,
      email: row.email ?? null,
      customId: row.custom_id ?? null,
      appSlug: row.app_slug,
      channel: {
        slug: row.channel_slug,
        name: row.channel_name ?? row.channel_slug,
      },
      licenseType: row.license_type,
      licenseTypeLabel: licenseTypeLabel(row.license_type),
      licenseId: row.license_id,
      createdAt: iso(createdAt)!,
      expiresAt: iso(row.expires_at === null ? null : Number(row.expires_at)),
      archived: Boolean(row.archived),
      active: isCustomerActive(activities),
      features: JSON.parse(row.features),
      enterprisePortalEnabled: Boolean(row.enterprise_portal_enabled),
      customFields: JSON.parse(row.custom_fields),
    },
    timeToInstall: tti && {
      ...tti,
      firstSeenAt: iso(tti.firstSeenAt)!,
      firstReadyAt: iso(tti.firstReadyAt)!,
    },
    portal: buildPortal(
      row,
      portalActivity,
      attempts.total,
      options.downloadPortalBaseUrl,
      asOf,
    ),
    instanceCounts: countActivities(activities),
    instances: shown.map(({ instance, activity }) => {
      const channel =
        decodeField<string>(instance.state, 'channelSlug') ?? row.channel_slug;
      return toReportInstance(
        instance,
        activity,
        releases.get(channel) ?? [],
        asOf,
        days.uptimeOf(timelines.get(instance.id) ?? NO_TIMELINE),
      );
    }),
    installAttempts: attempts.rows.map(a =>
      toReportAttempt(a, asOf, options.stalledAfterMs),
    ),
  };
}
