import {
  INSTANCE_ARCHIVE_RULE,
  mayArchiveInstance,
} from '@customer-reporting/plugin-customer-reporting-common';
import { instanceActivity } from './activity';

// The shared rule sentence, lowercased to follow the colon of the refusal.
const RULE_AFTER_COLON =
  INSTANCE_ARCHIVE_RULE.charAt(0).toLowerCase() +
  INSTANCE_ARCHIVE_RULE.slice(1);

/**
 * Why an instance may not be archived now, or undefined when it may, by the
 * shared rule `mayArchiveInstance` with the activity window of this backend.
 * Unarchiving is always allowed.
 */
export function archiveRefusal(
  instance: { id: string; airgap: boolean; lastCheckInAt: number },
  licenseType: string,
  now: number,
  activeWindowMs: number,
): string | undefined {
  const active =
    instanceActivity({ ...instance, archived: false }, now, activeWindowMs) ===
    'active';
  if (mayArchiveInstance({ active, airgap: instance.airgap }, licenseType)) {
    return undefined;
  }
  return `Instance ${instance.id} is active: ${RULE_AFTER_COLON}`;
}
