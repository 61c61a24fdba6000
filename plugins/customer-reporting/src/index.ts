/**
 * Customer reporting pages: customers with their license, instances, status
 * and time to install, read from the customer-reporting backend.
 *
 * @packageDocumentation
 */
export { customerReportingPlugin, CustomerReportingPage } from './plugin';
export { customerReportingApiRef, CustomerReportingClient } from './api';
export type { CustomerListQuery, CustomerReportingApi } from './api';
