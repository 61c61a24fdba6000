/**
 * Backend plugin of customer reporting: stores apps, customers, instances,
 * check-ins, install attempts and portal activity, and serves the reports.
 *
 * @packageDocumentation
 */
export { customerReportingPlugin as default } from './plugin';
export { customerReportingPermissionPolicyModule } from './permissions/permissionPolicyModule';
