import { DAY, ModelRelease } from './referenceModel';
import { RELEASES, seededRandom, TimelineCase } from './randomTimeline';
import { testCustomer } from './fixtures';

/*
 * The customer record of a differential test case (license type, channel,
 * expiry, ...), drawn from its own seeded generator so that adding it left
 * the timelines of every seed as they were.
 */

/** The channels of the test app: beta lists only some of stable's releases. */
export const CHANNELS: Record<
  string,
  { name: string; releases: ModelRelease[] }
> = {
  stable: { name: 'Stable', releases: RELEASES },
  beta: {
    name: 'Beta',
    releases: RELEASES.filter(r => [1, 3, 5, 6].includes(r.sequence)),
  },
};

/** License types and the labels the pages show (domain spec §1). */
export const LICENSE_LABELS = {
  dev: 'Development',
  trial: 'Trial',
  paid: 'Paid',
  community: 'Community',
  test: 'Test',
} as const;
export type LicenseType = keyof typeof LICENSE_LABELS;

export interface ModelCustomerRecord {
  id: string;
  name: string;
  licenseType: LicenseType;
  channelSlug: string;
  createdAt: number;
  expiresAt: number | null;
  archived: boolean;
  email: string | null;
  customId: string | null;
}

export function randomCustomer(c: TimelineCase): ModelCustomerRecord {
  const r = seededRandom(c.seed + 2_000_000);
  return {
    id: c.customerId,
    // Unique as a search: dc5-x does not find dc50-x.
    name: `${c.customerId}-x`,
    licenseType: r.pick(Object.keys(LICENSE_LABELS) as LicenseType[]),
    channelSlug: r.pick(Object.keys(CHANNELS)),
    createdAt: c.createdAt,
    // Whole days after creation: some expire before or near the asOfs.
    expiresAt: r.chance(0.5) ? c.createdAt + r.int(1, 45) * DAY : null,
    archived: r.chance(0.1),
    email: r.chance(0.8) ? `${c.customerId}@x.example` : null,
    customId: r.chance(0.5) ? `crm-${c.seed % 3}` : null,
  };
}

/** The PUT /v1/customers/{id} body of a record. */
export function customerBody(rec: ModelCustomerRecord, seed: number) {
  const iso = (t: number) => new Date(t).toISOString();
  return testCustomer({
    name: rec.name,
    licenseId: `lic-${seed}`,
    createdAt: iso(rec.createdAt),
    channelSlug: rec.channelSlug,
    licenseType: rec.licenseType,
    archived: rec.archived,
    email: rec.email ?? undefined,
    ...(rec.expiresAt !== null ? { expiresAt: iso(rec.expiresAt) } : {}),
    ...(rec.customId !== null ? { customId: rec.customId } : {}),
  });
}
