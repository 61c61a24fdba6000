/**
 * The demo data module of customer reporting as its own entry point, so that
 * `backend.add(import('@customer-reporting/plugin-customer-reporting-backend/demo'))`
 * adds it (it loads the demo fleet only when `customerReporting.demo.enabled`).
 *
 * @packageDocumentation
 */
export { customerReportingDemoDataModule as default } from './demoDataModule';
