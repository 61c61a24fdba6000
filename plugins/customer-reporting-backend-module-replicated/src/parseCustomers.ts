import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { Page } from './pullPages';
import {
  entries,
  id,
  listIn,
  normaliseKeys,
  optional,
  optionalTime,
  parseEach,
  record,
  text,
  time,
} from './tolerant';

const flag = optional(z.boolean());

const customerChannelSchema = record({
  id: optional(text),
  name: optional(text),
  channelslug: optional(text),
  isdefault: flag,
});

const entitlementSchema = record({
  name: text,
  value: z.union([z.string(), z.number(), z.boolean()]),
});

const customerSchema = record({
  id,
  name: text,
  email: optional(text),
  customid: optional(text),
  type: text,
  // The license id: `installationId` in Vendor API answers.
  installationid: optional(text),
  licenseid: optional(text),
  channels: entries(customerChannelSchema),
  createdat: time,
  expiresat: optionalTime,
  isarchived: flag,
  airgap: flag,
  isairgapenabled: flag,
  isgitopssupported: flag,
  isidentityservicesupported: flag,
  issnapshotsupported: flag,
  ishelminstallenabled: flag,
  iskotsinstallenabled: flag,
  iskurlinstallenabled: flag,
  isembeddedclusterdownloadenabled: flag,
  ishelmvmdownloadenabled: flag,
  issupportbundleuploadenabled: flag,
  isenterpriseportalenabled: flag,
  entitlements: entries(entitlementSchema),
  instances: optional(z.array(z.unknown())),
}).transform(c => {
  const channel = c.channels.find(ch => ch.isdefault) ?? c.channels[0];
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    customId: c.customid,
    licenseType: c.type.toLowerCase(),
    licenseId: c.installationid ?? c.licenseid,
    channel: channel
      ? { id: channel.id, name: channel.name, slug: channel.channelslug }
      : undefined,
    createdAt: c.createdat,
    expiresAt: c.expiresat,
    archived: c.isarchived ?? false,
    features: {
      gitops: c.isgitopssupported ?? false,
      airgap: c.airgap ?? c.isairgapenabled ?? false,
      identity: c.isidentityservicesupported ?? false,
      snapshots: c.issnapshotsupported ?? false,
      helmInstall: c.ishelminstallenabled ?? false,
      kotsInstall: c.iskotsinstallenabled ?? false,
      kurlInstall: c.iskurlinstallenabled ?? false,
      embeddedClusterDownload:
        c.isembeddedclusterdownloadenabled ??
        c.ishelmvmdownloadenabled ??
        false,
      supportBundleUpload: c.issupportbundleuploadenabled ?? false,
    },
    enterprisePortalEnabled: c.isenterpriseportalenabled ?? false,
    entitlements: c.entitlements.map(e => ({
      name: e.name,
      value: String(e.value),
    })),
    instances: c.instances ?? [],
  };
});

/** A Replicated customer (one license) with its raw instance records. */
export type VendorCustomer = z.output<typeof customerSchema>;

/**
 * One page of `GET /app/{appId}/customers`: `{customers, totalCustomers}`.
 * `total` is undefined when the answer does not say.
 */
export function parseCustomerPage(
  answer: unknown,
  logger: LoggerService,
): Page<VendorCustomer> & { skipped: number } {
  const raw = listIn(answer, 'customers');
  const { items, skipped } = parseEach(raw, customerSchema, 'customer', logger);
  const total = (normaliseKeys(answer) as Record<string, unknown> | null)
    ?.totalcustomers;
  return {
    items,
    received: raw.length,
    total: typeof total === 'number' ? total : undefined,
    skipped,
  };
}

/**
 * `GET /app/{appId}/customer/{customerId}` → `{customer: {..., instances}}`.
 * Undefined (logged) when the record is malformed.
 */
export function parseCustomerDetail(
  answer: unknown,
  logger: LoggerService,
): VendorCustomer | undefined {
  const body = normaliseKeys(answer) as Record<string, unknown> | null;
  const { items } = parseEach(
    [body?.customer ?? answer],
    customerSchema,
    'customer',
    logger,
  );
  return items[0];
}
