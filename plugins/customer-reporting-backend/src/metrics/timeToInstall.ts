/** What time to install needs to know of an instance. */
export interface InstanceInstallTimes {
  id: string;
  firstSeenAt: number;
  firstReadyAt: number | null;
  archived: boolean;
}

export interface TimeToInstall {
  instanceId: string;
  firstSeenAt: number;
  firstReadyAt: number;
  /** first ready − first seen, whole seconds */
  instanceSeconds: number;
  /** first ready − customer created, whole seconds */
  licenseSeconds: number;
}

/**
 * The customer shows the instance whose first ready is the latest (ties: the
 * smallest id). Archived instances are not candidates; inactive ones are.
 * Seen from `asOf`, an instance not yet ready then is not a candidate.
 */
export function customerTimeToInstall(
  customerCreatedAt: number,
  instances: readonly InstanceInstallTimes[],
  asOf: number = Number.POSITIVE_INFINITY,
): TimeToInstall | null {
  let chosen: (InstanceInstallTimes & { firstReadyAt: number }) | undefined;
  for (const instance of instances) {
    const { firstReadyAt } = instance;
    if (instance.archived || firstReadyAt === null || firstReadyAt > asOf)
      continue;
    if (
      !chosen ||
      firstReadyAt > chosen.firstReadyAt ||
      (firstReadyAt === chosen.firstReadyAt && instance.id < chosen.id)
    ) {
      chosen = { ...instance, firstReadyAt };
    }
  }
  if (!chosen) return null;
  return {
    instanceId: chosen.id,
    firstSeenAt: chosen.firstSeenAt,
    firstReadyAt: chosen.firstReadyAt,
    instanceSeconds: Math.round(
      (chosen.firstReadyAt - chosen.firstSeenAt) / 1000,
    ),
    licenseSeconds: Math.round(
      (chosen.firstReadyAt - customerCreatedAt) / 1000,
    ),
  };
}
