import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
// createElement instead of JSX: package.json exports this entry as alpha.ts.
import { createElement } from 'react';
import { customerReportingApiRef, CustomerReportingClient } from './api';
import {
  isCustomerAppAvailable,
  isCustomerEntity,
} from './components/EntityCards/conditions';
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

/** Customer entities: the full report as an entity tab. */
const entityCustomerReportContent = EntityContentBlueprint.make({
  name: 'customer-report',
  params: {
    path: '/customer-report',
    title: 'Customer report',
    filter: isCustomerEntity,
    loader: () =>
      import('./components/EntityCards').then(m =>
        createElement(m.EntityCustomerReportContent),
      ),
  },
});

/** Customer entities: the compact health card on the overview. */
const entityCustomerHealthCard = EntityCardBlueprint.make({
  name: 'customer-health',
  params: {
    filter: isCustomerEntity,
    loader: () =>
      import('./components/EntityCards').then(m =>
        createElement(m.EntityCustomerHealthCard),
      ),
  },
});

/** Components and systems of an app: the customers running it. */
const entityCustomersCard = EntityCardBlueprint.make({
  name: 'customers',
  params: {
    filter: isCustomerAppAvailable,
    loader: () =>
      import('./components/EntityCards').then(m =>
        createElement(m.EntityCustomersCard),
      ),
  },
});

/** Components and systems of an app: how fast its releases are adopted. */
const entityAdoptionCard = EntityCardBlueprint.make({
  name: 'adoption',
  params: {
    filter: isCustomerAppAvailable,
    loader: () =>
      import('./components/Adoption').then(m =>
        createElement(m.EntityAdoptionCard),
      ),
  },
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
    installAttempts: installAttemptsRouteRef,
    dataSources: dataSourcesRouteRef,
    adoption: adoptionRouteRef,
    alerts: alertsRouteRef,
  },
  extensions: [
    customersPage,
    customerReportingApi,
    entityCustomerReportContent,
    entityCustomerHealthCard,
    entityCustomersCard,
    entityAdoptionCard,
  ],
});
