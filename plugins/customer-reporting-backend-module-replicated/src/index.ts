/**
 * Fills customer reporting from Replicated's Vendor API v3: a data source
 * module of the customer-reporting backend.
 *
 * @packageDocumentation
 */
export { customerReportingModuleReplicated as default } from './module';
