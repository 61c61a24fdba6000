import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { customerReportingApiRef, CustomerReportingClient } from './api';
import {
  customerReportRouteRef,
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
