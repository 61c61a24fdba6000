/**
 * Test fixtures of the customer-reporting API's answers, shared by the
 * plugins' tests: `@customer-reporting/plugin-customer-reporting-common/testUtils`.
 *
 * @packageDocumentation
 */
export { customerSummaryFixture } from './customerSummaryFixture';
