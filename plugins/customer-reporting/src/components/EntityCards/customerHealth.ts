import {
  APP_STATUSES,
  AppStatus,
  CustomerReport,
  ReportInstance,
} from '@customer-reporting/plugin-customer-reporting-common';

/**
 * The customer's status as the customer list shows it: that of its most
 * available active instance (APP_STATUSES runs from least to most
 * available), null without an active instance.
 */
export function customerStatus(instances: ReportInstance[]): AppStatus | null {
  let best: AppStatus | null = null;
  for (const instance of instances) {
    if (!instance.active || !instance.status) continue;
    if (
      best === null ||
      APP_STATUSES.indexOf(instance.status) > APP_STATUSES.indexOf(best)
    ) {
      best = instance.status;
    }
  }
  return best;
}

/** The latest check-in of any listed instance: when the customer was last active. */
export function lastActiveAt(instances: ReportInstance[]): string | null {
  let latest: string | null = null;
  for (const instance of instances) {
    if (!latest || Date.parse(instance.lastCheckInAt) > Date.parse(latest)) {
      latest = instance.lastCheckInAt;
    }
  }
  return latest;
}

/** Per app version, how many active instances run it; most used first. */
export function versionDistribution(
  reports: CustomerReport[],
): { version: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const report of reports) {
    for (const instance of report.instances) {
      if (!instance.active) continue;
      const version = instance.appVersion ?? 'Unknown';
      counts.set(version, (counts.get(version) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([version, count]) => ({ version, count }))
    .sort((a, b) => b.count - a.count || a.version.localeCompare(b.version));
}

/** Customers with at least one active instance behind the latest release. */
export function customersBehind(reports: CustomerReport[]): number {
  return reports.filter(r =>
    r.instances.some(i => i.active && (i.versionsBehind ?? 0) > 0),
  ).length;
}

/** The active instance with the lowest 14-day uptime, with its customer. */
export function worstUptime(
  reports: CustomerReport[],
): { customerId: string; customerName: string; ratio: number } | undefined {
  let worst:
    | { customerId: string; customerName: string; ratio: number }
    | undefined;
  for (const report of reports) {
    for (const instance of report.instances) {
      const ratio = instance.uptime.ratio;
      if (!instance.active || ratio === null) continue;
      if (!worst || ratio < worst.ratio) {
        worst = {
          customerId: report.customer.id,
          customerName: report.customer.name,
          ratio,
        };
      }
    }
  }
  return worst;
}
