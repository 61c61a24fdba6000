import {
  APP_STATUSES,
  AppStatus,
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
