import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of customers, for conditional permission decisions. @public */
export const RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER =
  'customer-reporting-customer';

/**
 * Reading a customer: its row in lists, its report, instances, attempts and
 * exports. Conditional policies filter lists in SQL (rules: isCustomerOwner,
 * hasLicenseType, isCustomerOfApp). @public
 */
export const customerReadPermission = createPermission({
  name: 'customer-reporting.customer.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
});

/** Downloading a customer's signed license file. @public */
export const customerLicenseDownloadPermission = createPermission({
  name: 'customer-reporting.customer.license.download',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
});

/** Generating or setting a customer's Download Portal password. @public */
export const customerPortalPasswordManagePermission = createPermission({
  name: 'customer-reporting.customer.portal-password.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
});

/** Enabling the Enterprise Portal for a customer and inviting its users. @public */
export const customerPortalInvitePermission = createPermission({
  name: 'customer-reporting.customer.portal-users.invite',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
});

/**
 * Archiving and unarchiving a customer's instances (only inactive, air gap
 * or development-license ones may be archived). @public
 */
export const customerInstanceArchivePermission = createPermission({
  name: 'customer-reporting.customer.instances.archive',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
});

/** Downloading CSV exports (of the customers one may read). @public */
export const customerReportingExportPermission = createPermission({
  name: 'customer-reporting.export',
  attributes: { action: 'read' },
});

/** Reading the sync status of the data sources (`GET /v1/data-sources`). @public */
export const customerReportingDataSourcesReadPermission = createPermission({
  name: 'customer-reporting.data-sources.read',
  attributes: { action: 'read' },
});

/**
 * Writing data through the ingest routes (apps, customers, check-ins, install
 * attempt and portal events). Meant for service credentials: the production
 * ingest token is restricted to this permission alone
 * (`accessRestrictions` in `backend.auth.externalAccess`). @public
 */
export const customerReportingIngestPermission = createPermission({
  name: 'customer-reporting.ingest',
  attributes: { action: 'create' },
});

/**
 * Reading the alert rules and the delivery log (which holds only deliveries
 * about customers the caller may read). Signed-in users have it. @public
 */
export const customerReportingAlertsReadPermission = createPermission({
  name: 'customer-reporting.alerts.read',
  attributes: { action: 'read' },
});

/** Creating, changing, muting and deleting alert rules. @public */
export const customerReportingAlertsManagePermission = createPermission({
  name: 'customer-reporting.alerts.manage',
  attributes: { action: 'update' },
});

/** The permissions on a customer resource. @public */
export const customerResourcePermissions = [
  customerReadPermission,
  customerLicenseDownloadPermission,
  customerPortalPasswordManagePermission,
  customerPortalInvitePermission,
  customerInstanceArchivePermission,
];

/** Every permission of the plugin, for registration. @public */
export const customerReportingPermissions = [
  ...customerResourcePermissions,
  customerReportingExportPermission,
  customerReportingDataSourcesReadPermission,
  customerReportingIngestPermission,
  customerReportingAlertsReadPermission,
  customerReportingAlertsManagePermission,
];
