import { AppCustomerFigures } from '@customer-reporting/plugin-customer-reporting-common';
import { DatabaseAdoptionStore } from '../database/DatabaseAdoptionStore';
import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { decodeField } from '../ingest/checkInFields';
import { instanceActivity } from '../metrics/activity';
import { displayVersion, versionStanding } from '../metrics/versions';
import { CustomerFilter } from '../permissions/customerFilter';
import { fourteenDays } from './fourteenDays';

/**
 * The Customers card's figures over every customer of an app the caller may
 * read: reads the app's instances once and the 14-day status timelines of
 * the active ones (bounded by the window, not by history), instead of one
 * customer report per customer.
 */
export async function buildAppCustomerFigures(
  stores: { report: DatabaseReportStore; adoption: DatabaseAdoptionStore },
  appSlug: string,
  options: {
    asOf: number;
    activeWindowMs: number;
    customerFilter: CustomerFilter;
  },
): Promise<AppCustomerFigures> {
  const { asOf } = options;
  const customers = await stores.adoption.customersOfApp(
    appSlug,
    asOf,
    options.customerFilter,
  );
  const byId = new Map(customers.map(c => [c.id, c]));
  const [instances, releases] = await Promise.all([
    stores.report.getInstancesOf([...byId.keys()], asOf),
    stores.report.getReleases(appSlug),
  ]);
  const listed = instances.filter(i => {
    const activity = instanceActivity(
      { ...i, airgap: decodeField<boolean>(i.state, 'airgap') ?? false },
      asOf,
      options.activeWindowMs,
    );
    return activity === 'active' || activity === 'airgap';
  });

  const days = fourteenDays(asOf);
  const timelines = await stores.report.getStatusTimelines(
    listed.map(i => i.id),
    days.start,
    asOf,
  );
  const versions = new Map<string | null, number>();
  const behind = new Set<string>();
  let worst: AppCustomerFigures['worstUptime'] = null;
  for (const instance of listed) {
    const field = <T>(name: string) =>
      decodeField<T>(instance.state, name) ?? null;
    const customer = byId.get(instance.customerId)!;
    const sequence = field<number>('releaseSequence');
    const label = field<string>('appVersion');
    const version = displayVersion(label, sequence);
    versions.set(version, (versions.get(version) ?? 0) + 1);
    const channel = field<string>('channelSlug') ?? customer.channelSlug;
    const { versionsBehind } = versionStanding(
      releases.get(channel) ?? [],
      { sequence, versionLabel: label },
      asOf,
    );
    if ((versionsBehind ?? 0) > 0) behind.add(customer.id);
    const { ratio } = days.uptime(timelines.get(instance.id)!);
    if (ratio !== null && (!worst || ratio < worst.ratio)) {
      worst = {
        customerId: customer.id,
        customerName: customer.name,
        instanceId: instance.id,
        ratio,
      };
    }
  }
  return {
    appSlug,
    asOf: new Date(asOf).toISOString(),
    customers: customers.length,
    activeCustomers: new Set(listed.map(i => i.customerId)).size,
    versions: [...versions]
      .map(([version, count]) => ({ version, instances: count }))
      .sort(
        (a, b) =>
          b.instances - a.instances ||
          (a.version ?? '').localeCompare(b.version ?? ''),
      ),
    customersBehind: behind.size,
    worstUptime: worst,
  };
}
