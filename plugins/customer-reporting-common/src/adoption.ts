import { AppStatus } from './appStatus';

/**
 * Adoption ranges: the short ones in days, the long ones in weeks (Monday
 * 00:00 UTC). @public
 */
export const ADOPTION_RANGES = ['30d', '90d', '180d', '1y'] as const;
/** @public */
export type AdoptionRangeName = (typeof ADOPTION_RANGES)[number];

/** How far active instances are behind their channel's latest release. @public */
export interface AdoptionCounts {
  latest: number;
  behind1: number;
  behind2: number;
  behind3Plus: number;
  /** Running a release the channel does not list (or none reported). */
  unknown: number;
}

/** One bucket of the adoption series, judged at its end. @public */
export interface AdoptionPoint {
  /** First moment of the bucket (UTC day or week). */
  start: string;
  /** When the bucket was judged: its end, or `asOf` for the current one. */
  at: string;
  /** Active online instances then (air gap instances are counted apart). */
  activeInstances: number;
  counts: AdoptionCounts;
  /** `counts` ÷ `activeInstances`; null without active instances. */
  shares: { [K in keyof AdoptionCounts]: number | null };
  /** Active instances per status; `none` reported no status yet. */
  statusCounts: Record<AppStatus | 'none', number>;
}

/** How fast one release reached half of its channel's active instances. @public */
export interface ReleaseAdoption {
  channelSlug: string;
  sequence: number;
  versionLabel: string;
  promotedAt: string;
  /** First day end at which half of the active instances ran it or a newer release. */
  halfReachedAt: string | null;
  /** Whole UTC days from the promotion's day to that day; null if not reached by `asOf`. */
  daysToHalf: number | null;
}

/** `GET /v1/apps/{appSlug}/adoption`. @public */
export interface AppAdoption {
  appSlug: string;
  /** null: every channel of the app. */
  channelSlug: string | null;
  range: AdoptionRangeName;
  bucket: 'day' | 'week';
  asOf: string;
  points: AdoptionPoint[];
  /** Releases promoted within the range, oldest first. */
  releases: ReleaseAdoption[];
  /** Median `daysToHalf` of the releases that reached half; null if none did. */
  medianDaysToHalf: number | null;
}

/**
 * `GET /v1/apps/{appSlug}/customer-figures`: what the catalog component's
 * Customers card shows about all customers of an app, in one answer.
 * @public
 */
export interface AppCustomerFigures {
  appSlug: string;
  asOf: string;
  /** Customers of the app the caller may read. */
  customers: number;
  /** Of those, customers with an active online or air gap instance. */
  activeCustomers: number;
  /** Active online and air gap instances per app version, most used first (null: none reported). */
  versions: { version: string | null; instances: number }[];
  /** Customers with an active instance behind its channel's latest release. */
  customersBehind: number;
  /** The active instance with the lowest 14-day uptime ratio, with its customer. */
  worstUptime: {
    customerId: string;
    customerName: string;
    instanceId: string;
    ratio: number;
  } | null;
}
