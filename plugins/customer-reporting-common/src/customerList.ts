import { APP_STATUSES } from './appStatus';

/**
 * Sort keys of the customer list (`GET /v1/customers?sort=`). Customers
 * without a value (no active instance, never active, not installed, no
 * expiry) come last in both directions. @public
 */
export const CUSTOMER_SORTS = [
  'name',
  'status',
  'activeInstances',
  'lastActiveAt',
  'timeToInstall',
  'createdAt',
  'expiresAt',
] as const;

/** @public */
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/**
 * Health filter of the customer list: the worst status among the customer's
 * active instances, or `none` when no active instance reports a status. @public
 */
export const CUSTOMER_STATUS_FILTERS = [...APP_STATUSES, 'none'] as const;

/** @public */
export type CustomerStatusFilter = (typeof CUSTOMER_STATUS_FILTERS)[number];

/** A license expiring within this many days of `asOf` is "expiring soon". @public */
export const EXPIRING_SOON_DAYS = 30;

/** An app the caller's customers use, with those customers' channels. @public */
export interface CustomerApp {
  slug: string;
  /** The app's name; the slug when the app was never described. */
  name: string;
  channels: { slug: string; name: string }[];
}

/** Answer of `GET /v1/apps`: the options of the list's app and channel filters. @public */
export interface CustomerAppList {
  items: CustomerApp[];
}
