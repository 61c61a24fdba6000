/*
 * The reference model of the report's customer-level figures, from its
 * instances at asOf. See referenceModel.ts.
 */
import { iso, STATUS_ORDER } from './referenceModel';
import { ModelInstance } from './instanceReferenceModel';

/** The customer-level figures of the report at asOf. */
export function modelCustomer(instances: ModelInstance[], createdAt: number) {
  const listed = instances.filter(i => !i.archived);
  const candidates = listed
    .filter(i => i.firstReadyAt !== null)
    .sort((a, b) => {
      const later = Date.parse(b.firstReadyAt!) - Date.parse(a.firstReadyAt!);
      if (later !== 0) return later;
      // Ties: the smallest id by character code.
      return a.id < b.id ? -1 : 1;
    });
  const chosen = candidates[0];
  const seconds = (ms: number) => Math.round(ms / 1000);
  // Customer health: the worst status among active online and unarchived air gap instances.
  const healthOf = listed.filter(i => i.activeOnline || i.airgap);
  const statusCounts = Object.fromEntries(
    STATUS_ORDER.map(s => [s, healthOf.filter(i => i.status === s).length]),
  );
  const worst = STATUS_ORDER.find(s => statusCounts[s] > 0) ?? null;
  const lastActive = Math.max(
    ...instances.map(i => Date.parse(i.lastCheckInAt)),
  );
  const ready = chosen?.firstReadyAt ? Date.parse(chosen.firstReadyAt) : 0;
  return {
    list: {
      active: listed.some(i => i.activeOnline || i.airgap),
      activeInstances: listed.filter(i => i.activeOnline).length,
      airgapInstances: listed.filter(i => i.airgap).length,
      status: worst,
      statusCounts,
      lastActiveAt: instances.length ? iso(lastActive) : null,
      timeToInstallSeconds: chosen ? seconds(ready - createdAt) : null,
    },
    instanceCounts: {
      active: listed.filter(i => i.activeOnline).length,
      airgap: listed.filter(i => i.airgap).length,
      inactive: listed.filter(i => !i.airgap && !i.activeOnline).length,
      archived: instances.filter(i => i.archived).length,
    },
    active: listed.some(i => i.activeOnline || i.airgap),
    timeToInstall: chosen
      ? {
          instanceId: chosen.id,
          firstSeenAt: chosen.firstSeenAt,
          firstReadyAt: chosen.firstReadyAt,
          instanceSeconds: seconds(
            Date.parse(chosen.firstReadyAt!) - Date.parse(chosen.firstSeenAt),
          ),
          licenseSeconds: seconds(Date.parse(chosen.firstReadyAt!) - createdAt),
        }
      : null,
  };
}
