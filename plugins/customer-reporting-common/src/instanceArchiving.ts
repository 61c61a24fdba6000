/**
 * The domain rule (§3) on archiving an instance, as the sentence shown
 * wherever archiving is refused. @public
 */
export const INSTANCE_ARCHIVE_RULE =
  'Only inactive, air gap or development-license instances may be archived';

/**
 * Whether an instance may be archived now, by {@link INSTANCE_ARCHIVE_RULE}:
 * archiving must never hide an instance that is in use and counted as
 * active. `active` is whether the instance checked in within the active
 * window; `licenseType` is its customer's stored license type. Unarchiving
 * is always allowed and needs no check. @public
 */
export function mayArchiveInstance(
  instance: { active: boolean; airgap: boolean },
  licenseType: string,
): boolean {
  return !instance.active || instance.airgap || licenseType === 'dev';
}
