export interface Config {
  /** The demo permission policy (packages/backend/src/modules/permissionPolicy.ts). */
  customerReportingPolicy?: {
    /**
     * Only members of this group (entity ref, e.g. group:default/license-admins)
     * may download customer licenses. Unset: everyone may.
     */
    licenseDownloadGroup?: string;
  };
}
