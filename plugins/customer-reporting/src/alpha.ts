import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
// createElement instead of JSX: package.json exports this entry as alpha.ts.
import { createElement } from 'react';
import { customerReportingApiRef, CustomerReportingClient } from './api';
import {
  customerReportRouteRef,
  instanceDetailsRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The customer list at /customer-reporting (path configurable), with a
 * customer's report and an instance's details as sub-routes below it.
 */
const customersPage = PageBlueprint.make({
  params: {
    path: '/customer-reporting',
    title: 'Customers',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/Router').then(m =>
        // The app draws the page header in this system, so only the bodies.
        createElement(m.CustomerReportingContentRouter),
      ),
  },
});

/** The HTTP client, so the page works without app-level API wiring. */
const customerReportingApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: customerReportingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CustomerReportingClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The customer-reporting plugin for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'customer-reporting',
  title: 'Customer reporting',
  icon: createElement(AssessmentIcon, { fontSize: 'inherit' }),
  routes: {
    root: rootRouteRef,
    customerReport: customerReportRouteRef,
    instanceDetails: instanceDetailsRouteRef,
  },
  extensions: [customersPage, customerReportingApi],
});
