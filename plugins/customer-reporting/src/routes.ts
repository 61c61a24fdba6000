import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** Where the customer list page is mounted; apps choose the actual path. */
export const rootRouteRef = createRouteRef({
  id: 'customer-reporting',
});

/**
 * One customer's report, below the list page. A sub-route (not a route of its
 * own) so that apps mount a single page and links resolve wherever it lives.
 */
export const customerReportRouteRef = createSubRouteRef({
  id: 'customer-reporting/customer',
  parent: rootRouteRef,
  path: '/customers/:customerId',
});

/** One instance's details, below the list page. */
export const instanceDetailsRouteRef = createSubRouteRef({
  id: 'customer-reporting/instance',
  parent: rootRouteRef,
  path: '/instances/:instanceId',
});

/**
 * The fleet-wide install attempt audit, below the list page: a sub-route so
 * the sidebar and the list can link to it wherever the plugin is mounted.
 */
export const installAttemptsRouteRef = createSubRouteRef({
  id: 'customer-reporting/install-attempts',
  parent: rootRouteRef,
  path: '/install-attempts',
});

/** Sync status of the data sources, a tab beside the fleet-wide views. */
export const dataSourcesRouteRef = createSubRouteRef({
  id: 'customer-reporting/data-sources',
  parent: rootRouteRef,
  path: '/data-sources',
});

/** Release adoption per app and channel, a tab beside the fleet-wide views. */
export const adoptionRouteRef = createSubRouteRef({
  id: 'customer-reporting/adoption',
  parent: rootRouteRef,
  path: '/adoption',
});

/** Alert rules and the delivery log, a tab beside the fleet-wide views. */
export const alertsRouteRef = createSubRouteRef({
  id: 'customer-reporting/alerts',
  parent: rootRouteRef,
  path: '/alerts',
});
