import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import {
  entries,
  flag,
  id,
  optional,
  optionalTime,
  parsePage,
  text,
  time,
} from './tolerant';

/** A `CustomerChannelWithDetail`. */
const customerChannelSchema = z.object({
  id: optional(text),
  name: optional(text),
  channelSlug: optional(text),
  // The customer's own default; `isDefault` is the app's default channel.
  is_default_for_customer: flag,
});

/** An `EntitlementValue` (values are strings in the specification). */
const entitlementSchema = z.object({ name: text, value: z.string() });

/** The customer's `EnterprisePortalInfo`: its software pulls. */
const enterprisePortalSchema = z.object({
  first_software_pulled_at: optionalTime,
  first_software_pulled_asset_version: optional(text),
  last_software_pulled_at: optionalTime,
  last_software_pulled_asset_version: optional(text),
});

/** A `Customer` (one license), with its raw `instances`. */
const customerSchema = z
  .object({
    id,
    name: text,
    email: optional(text),
    customId: optional(text),
    type: text,
    // The license id.
    installationId: optional(text),
    channels: entries(customerChannelSchema),
    createdAt: time,
    expiresAt: optionalTime,
    isArchived: flag,
    airgap: flag,
    isGitopsSupported: flag,
    isIdentityServiceSupported: flag,
    isSnapshotSupported: flag,
    isHelmInstallEnabled: flag,
    isKotsInstallEnabled: flag,
    isKurlInstallEnabled: flag,
    isEmbeddedClusterDownloadEnabled: flag,
    isSupportBundleUploadEnabled: flag,
    isEnterprisePortalEnabled: flag,
    enterprise_portal: optional(enterprisePortalSchema),
    downloadPortalUrl: optional(z.string().url()),
    // The customer's last air gap bundle download, through its Download Portal.
    airgapDownloadedAt: optionalTime,
    airgapDownloadedReleaseLabel: optional(text),
    entitlements: entries(entitlementSchema),
    instances: optional(z.array(z.unknown())),
  })
  .transform(c => {
    const channel =
      c.channels.find(ch => ch.is_default_for_customer) ?? c.channels[0];
    return {
      id: c.id,
      name: c.name,
      email: c.email,
      customId: c.customId,
      licenseType: c.type.toLowerCase(),
      licenseId: c.installationId,
      channel: channel
        ? { id: channel.id, name: channel.name, slug: channel.channelSlug }
        : undefined,
      createdAt: c.createdAt,
      expiresAt: c.expiresAt,
      archived: c.isArchived ?? false,
      features: {
        gitops: c.isGitopsSupported ?? false,
        airgap: c.airgap ?? false,
        identity: c.isIdentityServiceSupported ?? false,
        snapshots: c.isSnapshotSupported ?? false,
        helmInstall: c.isHelmInstallEnabled ?? false,
        kotsInstall: c.isKotsInstallEnabled ?? false,
        kurlInstall: c.isKurlInstallEnabled ?? false,
        embeddedClusterDownload: c.isEmbeddedClusterDownloadEnabled ?? false,
        supportBundleUpload: c.isSupportBundleUploadEnabled ?? false,
      },
      enterprisePortalEnabled: c.isEnterprisePortalEnabled ?? false,
      enterprisePortal: c.enterprise_portal,
      downloadPortalUrl: c.downloadPortalUrl,
      lastDownload: c.airgapDownloadedAt
        ? { at: c.airgapDownloadedAt, version: c.airgapDownloadedReleaseLabel }
        : undefined,
      entitlements: c.entitlements,
      instances: c.instances ?? [],
    };
  });

/** A Replicated customer (one license) with its raw instance records. */
export type VendorCustomer = z.output<typeof customerSchema>;

/** One page of `GET /app/{app_id}/customers`: `{customers, totalCustomers}`. */
export function parseCustomerPage(answer: unknown, logger: LoggerService) {
  return parsePage(
    answer,
    'customers',
    'totalCustomers',
    customerSchema,
    'customer',
    logger,
  );
}
