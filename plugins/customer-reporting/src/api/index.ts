export { customerReportingApiRef } from './CustomerReportingApi';
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
} from './CustomerReportingApi';
export { CustomerReportingClient } from './CustomerReportingClient';
