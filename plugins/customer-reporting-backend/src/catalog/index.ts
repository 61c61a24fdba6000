/**
 * The catalog module of customer reporting as its own entry point, so that
 * `backend.add(import('@customer-reporting/plugin-customer-reporting-backend/catalog'))`
 * adds it.
 *
 * @packageDocumentation
 */
export { customerReportingCatalogModule as default } from './catalogModule';
