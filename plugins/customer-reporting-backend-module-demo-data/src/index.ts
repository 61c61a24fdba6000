/**
 * A deterministic demo fleet for customer reporting: a module of the
 * customer-reporting backend that, with `customerReporting.demo.enabled`,
 * loads the fleet through the ingestion path into an empty database.
 *
 * @packageDocumentation
 */
export { customerReportingModuleDemoData as default } from './module';
