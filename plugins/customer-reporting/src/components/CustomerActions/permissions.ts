import { usePermission } from '@backstage/plugin-permission-react';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  customerInstanceArchivePermission,
  customerLicenseDownloadPermission,
  customerPortalInvitePermission,
  customerPortalPasswordManagePermission,
  customerReadPermission,
} from '@customer-reporting/plugin-customer-reporting-common';

/** Tooltips of the action buttons when the permission policy says no. */
export const DENIED_REASONS = {
  helm: "You don't have permission to view the Helm install instructions",
  license: "You don't have permission to download licenses",
  password: "You don't have permission to manage the portal password",
  invite: "You don't have permission to manage the Enterprise Portal",
  archive: "You don't have permission to archive this customer's instances",
} as const;

const PERMISSIONS: Record<keyof typeof DENIED_REASONS, ResourcePermission> = {
  helm: customerReadPermission,
  license: customerLicenseDownloadPermission,
  password: customerPortalPasswordManagePermission,
  invite: customerPortalInvitePermission,
  archive: customerInstanceArchivePermission,
};

/** Whether an action is allowed, and if not, the sentence that says why. */
export interface ActionPermission {
  allowed: boolean;
  /** Set whenever the action's button must be disabled. */
  disabledReason?: string;
}

/**
 * Asks the permission framework whether the user may perform an action on
 * this customer (the customer ID is the resource ref, so conditional
 * policies such as "owners only" apply per customer).
 *
 * @remarks
 * The backend checks again on every call; this only keeps users from
 * clicking buttons that are bound to fail.
 */
export function useActionPermission(
  action: keyof typeof DENIED_REASONS,
  customerId: string,
): ActionPermission {
  const { allowed, loading, error } = usePermission({
    permission: PERMISSIONS[action],
    resourceRef: customerId,
  });
  if (allowed) return { allowed };
  if (loading) {
    return { allowed: false, disabledReason: 'Checking your permissions…' };
  }
  return {
    allowed: false,
    disabledReason: error
      ? `Could not check your permissions: ${error.message}`
      : DENIED_REASONS[action],
  };
}
