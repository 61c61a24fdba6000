/**
 * Customer reporting pages: customers with their license, instances, status
 * and time to install, read from the customer-reporting backend.
 *
 * @packageDocumentation
 */
export { customerReportingPlugin, CustomerReportingPage } from './plugin';
export { customerReportingApiRef, CustomerReportingClient } from './api';
export type {
  AsOfQuery,
  CustomerListQuery,
  CustomerReportingApi,
  CustomerReportQuery,
  InstallAttemptFilters,
  InstallAttemptListQuery,
  InstallAttemptStatus,
  InstanceEventsQuery,
  InstanceUptimeQuery,
} from './api';
export {
  customerReportRouteRef,
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
  UptimeGraphCard,
  useInstanceDetails,
} from './components/InstanceDetails';
export type { InstanceDetailsContextValue } from './components/InstanceDetails';
