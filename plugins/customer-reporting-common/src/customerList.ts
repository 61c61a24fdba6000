import { APP_STATUSES } from './appStatus';
import type { CustomerAppList, ListCustomers } from './generated';

type CustomerListFilters = NonNullable<ListCustomers['query']>;

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
] as const satisfies ReadonlyArray<CustomerSort>;

/** @public */
export type CustomerSort = NonNullable<CustomerListFilters['sort']>;

/**
 * Health filter of the customer list: the worst status among the customer's
 * active instances, or `none` when no active instance reports a status. @public
 */
export const CUSTOMER_STATUS_FILTERS = [
  ...APP_STATUSES,
  'none',
] as const satisfies ReadonlyArray<CustomerStatusFilter>;

/** @public */
export type CustomerStatusFilter = NonNullable<CustomerListFilters['status']>;

/** A license expiring within this many days of `asOf` is "expiring soon". @public */
export const EXPIRING_SOON_DAYS = 30;

/** An app the caller's customers use, with those customers' channels. @public */
export type CustomerApp = CustomerAppList['items'][number];
