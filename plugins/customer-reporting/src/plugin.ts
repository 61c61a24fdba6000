import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { customerReportingApiRef, CustomerReportingClient } from './api';
import {
  adoptionRouteRef,
  alertsRouteRef,
  customerReportRouteRef,
  dataSourcesRouteRef,
  installAttemptsRouteRef,
  instanceDetailsRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The customer-reporting plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const customerReportingPlugin = createPlugin({
  id: 'customer-reporting',
  apis: [
    // Registered by the plugin itself so apps get a working client without
    // touching their apis.ts; they can still override the ref there.
    createApiFactory({
      api: customerReportingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CustomerReportingClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    // Exposed so other plugins can link to a customer or an instance.
    customerReport: customerReportRouteRef,
    instanceDetails: instanceDetailsRouteRef,
    // The fleet-wide install attempt audit, e.g. for a sidebar link.
    installAttempts: installAttemptsRouteRef,
    // The data sources' sync status.
    dataSources: dataSourcesRouteRef,
    adoption: adoptionRouteRef,
    // Alert rules and the delivery log.
    alerts: alertsRouteRef,
  },
});

/**
 * The customer reporting pages. Mount it on a route, e.g.
 * `/customer-reporting`: the customer list is shown there, a customer's
 * report at `customers/:customerId` and an instance at
 * `instances/:instanceId` below it.
 *
 * @public
 */
export const CustomerReportingPage = customerReportingPlugin.provide(
  createRoutableExtension({
    name: 'CustomerReportingPage',
    // Lazy so the pages and their dependencies load only when opened.
    component: () =>
      import('./components/Router').then(m => m.CustomerReportingRouter),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The full customer report as a tab of a customer entity (a `Resource` of
 * type `customer`); reads the customer ID from the entity's annotation.
 *
 * @public
 */
export const EntityCustomerReportContent = customerReportingPlugin.provide(
  createComponentExtension({
    name: 'EntityCustomerReportContent',
    // Lazy, like the page: entity pages load the report code only when shown.
    component: {
      lazy: () =>
        import('./components/EntityCards').then(
          m => m.EntityCustomerReportContent,
        ),
    },
  }),
);

/**
 * Compact health of a customer entity, linking to its full report.
 *
 * @public
 */
export const EntityCustomerHealthCard = customerReportingPlugin.provide(
  createComponentExtension({
    name: 'EntityCustomerHealthCard',
    component: {
      lazy: () =>
        import('./components/EntityCards').then(
          m => m.EntityCustomerHealthCard,
        ),
    },
  }),
);

/**
 * The customers running the app of a component or system (annotation
 * `customer-reporting/app`).
 *
 * @public
 */
export const EntityCustomersCard = customerReportingPlugin.provide(
  createComponentExtension({
    name: 'EntityCustomersCard',
    component: {
      lazy: () =>
        import('./components/EntityCards').then(m => m.EntityCustomersCard),
    },
  }),
);

/**
 * Release adoption of the app of a component or system (annotation
 * `customer-reporting/app`): shares of active instances behind the latest
 * release and the median days to half adoption.
 *
 * @public
 */
export const EntityAdoptionCard = customerReportingPlugin.provide(
  createComponentExtension({
    name: 'EntityAdoptionCard',
    component: {
      lazy: () =>
        import('./components/Adoption').then(m => m.EntityAdoptionCard),
    },
  }),
);
