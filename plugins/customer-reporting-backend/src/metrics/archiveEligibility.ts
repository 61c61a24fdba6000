import { instanceActivity } from './activity';

/**
 * Why an instance may not be archived now, or undefined when it may: only
 * inactive, air gap or development-license instances may be (domain §3),
 * so that archiving never hides an instance that is in use and counted as
 * active. Unarchiving is always allowed.
 */
export function archiveRefusal(
  instance: { id: string; airgap: boolean; lastCheckInAt: number },
  licenseType: string,
  now: number,
  activeWindowMs: number,
): string | undefined {
  if (licenseType === 'dev') return undefined;
  const activity = instanceActivity(
    { ...instance, archived: false },
    now,
    activeWindowMs,
  );
  if (activity !== 'active') return undefined;
  return `Instance ${instance.id} is active: only inactive, air gap or development-license instances may be archived`;
}
