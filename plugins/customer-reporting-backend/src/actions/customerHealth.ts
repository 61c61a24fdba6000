import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';

/**
 * The numbers of a customer's report that tell its health, without the
 * portal, the install attempts and the daily uptime bars, and without the
 * license ID (the Helm registry password).
 */
export function toCustomerHealth(report: CustomerReport) {
  const { customer } = report;
  return {
    customer: {
      id: customer.id,
      name: customer.name,
      appSlug: customer.appSlug,
      channelSlug: customer.channel.slug,
      licenseType: customer.licenseType,
      createdAt: customer.createdAt,
      expiresAt: customer.expiresAt,
      archived: customer.archived,
      active: customer.active,
    },
    instanceCounts: report.instanceCounts,
    timeToInstall: report.timeToInstall,
    instances: report.instances.map(i => ({
      id: i.id,
      name: i.name,
      status: i.status,
      active: i.active,
      airgap: i.airgap,
      appVersion: i.appVersion,
      versionsBehind: i.versionsBehind,
      lastCheckInAt: i.lastCheckInAt,
      uptimeRatio: i.uptime.ratio,
    })),
  };
}
