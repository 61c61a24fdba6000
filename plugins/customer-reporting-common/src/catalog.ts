/**
 * Annotation naming the customer a catalog entity stands for (on the
 * customer entities the catalog module publishes). @public
 */
export const CUSTOMER_ID_ANNOTATION = 'customer-reporting/customer-id';

/** Annotation by which components and systems declare the app they implement. @public */
export const CUSTOMER_APP_ANNOTATION = 'customer-reporting/app';

/**
 * Events service topic on which the backend announces a created or changed
 * customer (payload `{customerId}`); the catalog module listens to it. @public
 */
export const CUSTOMER_CHANGED_TOPIC = 'customer-reporting.customer-changed';
