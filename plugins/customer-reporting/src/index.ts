/**
 * Customer reporting pages: customers with their license, instances, status
 * and time to install, read from the customer-reporting backend.
 *
 * @packageDocumentation
 */
export {
  customerReportingPlugin,
  CustomerReportingPage,
  EntityCustomerHealthCard,
  EntityCustomerReportContent,
  EntityCustomersCard,
  EntityAdoptionCard,
} from './plugin';
export {
  isCustomerAppAvailable,
  isCustomerEntity,
} from './components/EntityCards/conditions';
// Defined once in -common (the catalog module sets them); exported here too
// for apps that only depend on the frontend plugin.
export {
  CUSTOMER_APP_ANNOTATION,
  CUSTOMER_ID_ANNOTATION,
} from '@customer-reporting/plugin-customer-reporting-common';
export { CustomerActivityCard } from './components/CustomerActions';
export * from './api';
export {
  adoptionRouteRef,
  alertsRouteRef,
  customerReportRouteRef,
  dataSourcesRouteRef,
  installAttemptsRouteRef,
  instanceDetailsRouteRef,
  rootRouteRef,
} from './routes';
export {
  CustomerReportContent,
  CustomerReportProvider,
  InstallAttemptsCard,
  InstancesCard,
  ManageCustomerCard,
  PortalCard,
  TimeToInstallCard,
  useCustomerReport,
} from './components/CustomerReport';
export type { CustomerReportContextValue } from './components/CustomerReport';
export {
  ActivityStreamCard,
  CurrentStateCard,
  CustomMetricsCard,
  InformationCard,
  InsightsCard,
  InstanceDetailsContent,
  InstanceDetailsProvider,
  ResourcesCard,
  UptimeGraphCard,
  useInstanceDetails,
} from './components/InstanceDetails';
export type { InstanceDetailsContextValue } from './components/InstanceDetails';
