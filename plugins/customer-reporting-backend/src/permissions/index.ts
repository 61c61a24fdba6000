/**
 * The permission policy of customer reporting as its own entry point, so that
 * `backend.add(import('@customer-reporting/plugin-customer-reporting-backend/permissions'))`
 * makes it the permission backend's policy.
 *
 * @packageDocumentation
 */
export { customerReportingPermissionPolicyModule as default } from './permissionPolicyModule';
