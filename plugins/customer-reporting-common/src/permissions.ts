import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading customer reports. Fine-grained customer rules arrive with the
 * permissions work; for now it is a basic permission so policies can gate it.
 * @public
 */
export const customerReportingReadPermission = createPermission({
  name: 'customer-reporting.customers.read',
  attributes: { action: 'read' },
});

/** Every permission of the plugin, for registration. @public */
export const customerReportingPermissions = [customerReportingReadPermission];
