import {
  CustomerAppList,
  CustomerSortValues,
  CustomerStatusFilterValues,
} from './generated';

/**
 * Sort keys of the customer list (`GET /v1/customers?sort=`), the spec's
 * `CustomerSort`. Customers without a value (no active instance, never
 * active, not installed, no expiry) come last in both directions. @public
 */
export const CUSTOMER_SORTS = CustomerSortValues;

/**
 * Health filter of the customer list (the spec's `CustomerStatusFilter`): the
 * worst status among the customer's active instances, or `none` when no
 * active instance reports a status. @public
 */
export const CUSTOMER_STATUS_FILTERS = CustomerStatusFilterValues;

/** A license expiring within this many days of `asOf` is "expiring soon". @public */
export const EXPIRING_SOON_DAYS = 30;

/** An app the caller's customers use, with those customers' channels. @public */
export type CustomerApp = CustomerAppList['items'][number];
