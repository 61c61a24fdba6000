/**
 * Test utilities for backends that run the customer-reporting plugin or its
 * modules: `@customer-reporting/plugin-customer-reporting-backend/testUtils`,
 * imported by tests only (a devDependency of the modules).
 *
 * @packageDocumentation
 */
export { schedulerOf } from './schedulerOf';
