export { customerReportingApiRef } from './CustomerReportingApi';
export type {
  CustomerListQuery,
  CustomerReportingApi,
} from './CustomerReportingApi';
export { CustomerReportingClient } from './CustomerReportingClient';
