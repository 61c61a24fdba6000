/**
 * Catalog module of customer reporting: publishes the customers as
 * `Resource` entities of type `customer`. Add it with
 * `backend.add(import('@customer-reporting/plugin-catalog-backend-module-customer-reporting'))`.
 *
 * @packageDocumentation
 */
export { catalogModuleCustomerReporting as default } from './module';
