export { customerReportingApiRef } from './CustomerReportingApi';
export type { CustomerReportingApi, LicenseFile } from './CustomerReportingApi';
export type {
  AlertDeliveryQuery,
  AppAdoptionQuery,
  AsOfQuery,
  CustomerAuditQuery,
  CustomerListQuery,
  CustomerReportQuery,
  InstallAttemptFilters,
  InstallAttemptListQuery,
  InstallAttemptSort,
  InstanceEventsQuery,
  InstanceUptimeQuery,
  TimeToInstallGroupBy,
  TimeToInstallStatsQuery,
} from './queries';
export { CustomerReportingClient } from './CustomerReportingClient';
