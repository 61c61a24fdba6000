/** The 24 h activity rule (configurable): exactly the window is still active. */
export interface InstanceActivityInput {
  airgap: boolean;
  archived: boolean;
  lastCheckInAt: number;
}

export type InstanceActivity = 'active' | 'inactive' | 'airgap' | 'archived';

/**
 * Air gap instances report rarely and are never made inactive by the
 * window; they have their own bucket.
 */
export function instanceActivity(
  instance: InstanceActivityInput,
  now: number,
  activeWindowMs: number,
): InstanceActivity {
  if (instance.archived) return 'archived';
  if (instance.airgap) return 'airgap';
  return now - instance.lastCheckInAt <= activeWindowMs ? 'active' : 'inactive';
}

/** A customer is active with an active online instance or an unarchived air gap one. */
export function isCustomerActive(
  activities: readonly InstanceActivity[],
): boolean {
  return activities.some(a => a === 'active' || a === 'airgap');
}

/** Header counts of the reporting page: N active · N air gap · N inactive (· N archived). */
export function countActivities(activities: readonly InstanceActivity[]) {
  const counts = { active: 0, airgap: 0, inactive: 0, archived: 0 };
  for (const a of activities) counts[a] += 1;
  return counts;
}
