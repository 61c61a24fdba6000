import { Config } from '@backstage/config';
import {
  customerInstanceArchivePermission,
  customerLicenseDownloadPermission,
  customerPortalInvitePermission,
  customerPortalPasswordManagePermission,
  customerReportingAlertsManagePermission,
  customerReportingDataSourcesReadPermission,
  customerReportingExportPermission,
} from '@customer-reporting/plugin-customer-reporting-common';

/**
 * The privileged permissions and the group (config key under
 * `customerReporting.permissions.groups`) whose members may use each.
 */
export const GROUP_OF_PERMISSION = {
  [customerLicenseDownloadPermission.name]: 'licenseAdmins',
  [customerPortalPasswordManagePermission.name]: 'portalPasswordAdmins',
  [customerPortalInvitePermission.name]: 'enterprisePortalAdmins',
  [customerInstanceArchivePermission.name]: 'instanceArchivers',
  [customerReportingExportPermission.name]: 'exporters',
  [customerReportingDataSourcesReadPermission.name]: 'dataSourceViewers',
  [customerReportingAlertsManagePermission.name]: 'alertAdmins',
} as const;

export type PermissionGroup =
  (typeof GROUP_OF_PERMISSION)[keyof typeof GROUP_OF_PERMISSION];

/** The shipped policy's settings from `customerReporting.permissions`. */
export interface PolicyConfig {
  /** Entity refs (groups or users) per group key; no entry: nobody. */
  groups: Record<PermissionGroup, string[]>;
  /** Users read only the customers one of their ownership refs owns. */
  readOwnCustomersOnly: boolean;
}

export function readPolicyConfig(config: Config): PolicyConfig {
  const c = config.getOptionalConfig('customerReporting.permissions');
  const groups = Object.fromEntries(
    Object.values(GROUP_OF_PERMISSION).map(key => [
      key,
      // Entity refs are compared lower-cased, as the catalog stores them.
      (c?.getOptionalStringArray(`groups.${key}`) ?? []).map(ref =>
        ref.toLocaleLowerCase('en-US'),
      ),
    ]),
  ) as Record<PermissionGroup, string[]>;
  return {
    groups,
    readOwnCustomersOnly:
      c?.getOptionalBoolean('readOwnCustomersOnly') ?? false,
  };
}
