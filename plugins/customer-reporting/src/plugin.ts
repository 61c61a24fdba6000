import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { customerReportingApiRef, CustomerReportingClient } from './api';
import { rootRouteRef } from './routes';

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
  },
});

/**
 * The customer list page. Mount it on a route, e.g. `/customer-reporting`.
 *
 * @public
 */
export const CustomerReportingPage = customerReportingPlugin.provide(
  createRoutableExtension({
    name: 'CustomerReportingPage',
    // Lazy so the table and its dependencies load only when the page opens.
    component: () =>
      import('./components/CustomersPage').then(m => m.CustomersPage),
    mountPoint: rootRouteRef,
  }),
);
