import { APP_STATUSES } from '@customer-reporting/plugin-customer-reporting-common';
import {
  CheckInDraft,
  CheckInFields,
  withPossibleNodeCounts,
} from './checkInDraft';
import { defined, fit, fitLine } from './fit';
import { VendorInstance } from './parseInstances';
import type { VendorPortalInstance } from './parsePortalInstances';
import type { SyncedInstance } from './pullCustomerData';

const MAX_TAGS = 10;

export function appStatusOf(value: string | undefined): string | undefined {
  return value && (APP_STATUSES as readonly string[]).includes(value)
    ? value
    : undefined;
}

/**
 * Embedded Cluster, kURL or an existing cluster (Helm or KOTS): an Embedded
 * Cluster instance is never kURL, whatever `isKurl` says.
 */
export function clusterTypeOf(
  i: Pick<VendorInstance, 'isKurl' | 'isEmbeddedCluster'>,
): CheckInFields['clusterType'] {
  if (i.isEmbeddedCluster) return 'embedded';
  if (i.isKurl) return 'kurl';
  return i.isKurl === false || i.isEmbeddedCluster === false
    ? 'existing'
    : undefined;
}

/** Up to ten tags; the display name is the tag `name` in any casing. */
function tagsOf(i: VendorInstance): Record<string, string> | undefined {
  if (i.tags.length === 0) return undefined;
  const tags: Record<string, string> = {};
  for (const { key, value } of i.tags) {
    const k = key.toLowerCase() === 'name' ? 'name' : fit(key, 100);
    if (!k || Object.keys(tags).length >= MAX_TAGS) continue;
    tags[k] = fitLine(value, 255);
  }
  return tags;
}

/**
 * A distribution as the ingest stores it (lowercase); never `kurl` on an
 * Embedded Cluster instance, as for `k8sDistribution` events.
 */
export function distributionOf(
  value: string | undefined,
  clusterType: CheckInFields['clusterType'],
): string | undefined {
  const distribution = fit(value, 50)?.toLowerCase();
  return clusterType === 'embedded' && distribution === 'kurl'
    ? undefined
    : distribution;
}

/**
 * Whether the Enterprise Portal's first ready time lies within what the
 * instance record knows: not before it was first seen (it would become the
 * first check-in, making the time to install 0), not after its last check-in
 * (it would become the current status).
 */
function firstReadyFits(
  instance: VendorInstance,
  portal: VendorPortalInstance,
): boolean {
  const at = portal.firstReadyAt;
  if (at === undefined) return false;
  const last = Math.max(
    instance.lastActive ?? instance.createdAt!,
    portal.lastCheckInAt ?? -Infinity,
  );
  return at >= (instance.createdAt ?? -Infinity) && at <= last;
}

type Version = VendorInstance['versionHistory'][number];

function versionFields(
  version: Version | undefined,
  channelSlugById: Map<string, string>,
): CheckInFields {
  if (!version) return {};
  return defined({
    appVersion: fit(version.versionLabel, 100),
    releaseSequence: version.releaseSequence,
    channelSlug: version.channelId
      ? channelSlugById.get(version.channelId)
      : undefined,
  });
}

/**
 * Check-ins that reproduce what the instance record knows, where instance
 * events do not already say it:
 * - at `createdAt` (first seen): cluster and air gap only;
 * - at each version's `intervalStart` and `intervalLast`: that version, so
 *   the version history and its dates survive; the start is left out when a
 *   `versionLabel` event reports that version (`versionsFromEvents`): the
 *   event has the time the change was reported;
 * - at `lastActive`: everything the instance currently reports, including
 *   its app status and node counts (Embedded Cluster and kURL only);
 * and from the Enterprise Portal's record of it (`portal`), when there is
 * one: its Kubernetes distribution at `lastActive`, `ready` at its first
 * ready time, and its resource states at its last check-in (they set the
 * app status there: see mergeFields).
 * Times are not checked here (see checkInWindow.ts).
 */
export function mapInstanceCheckIns(
  instance: SyncedInstance,
  customerId: string,
  channelSlugById: Map<string, string>,
  versionsFromEvents: ReadonlySet<string> = new Set(),
): CheckInDraft[] {
  const clusterType = clusterTypeOf(instance);
  const { portal } = instance;
  const base = defined({
    clusterId: fit(instance.clusterId, 255),
    airgap: instance.airgap,
    clusterType,
  });
  const draft = (at: number, fields: CheckInFields): CheckInDraft => ({
    instanceId: instance.instanceId,
    customerId,
    at,
    fields: withPossibleNodeCounts({ ...base, ...fields }),
  });
  const drafts: CheckInDraft[] = [];
  if (instance.createdAt !== undefined)
    drafts.push(draft(instance.createdAt, {}));
  // Before the record's drafts, so that at a shared time the record wins.
  if (portal && firstReadyFits(instance, portal))
    drafts.push(draft(portal.firstReadyAt!, { appStatus: 'ready' }));
  for (const version of [...instance.versionHistory].reverse()) {
    const fields = versionFields(version, channelSlugById);
    const fromEvent =
      fields.appVersion !== undefined &&
      versionsFromEvents.has(fields.appVersion);
    for (const at of [
      fromEvent ? undefined : version.intervalStart,
      version.intervalLast,
    ]) {
      if (at !== undefined) drafts.push(draft(at, fields));
    }
  }
  const nodes =
    clusterType === 'kurl' || clusterType === 'embedded'
      ? {
          kurlNodesTotal: instance.nodesTotal,
          kurlNodesReady: instance.nodesReady,
        }
      : {};
  drafts.push(
    draft(
      (instance.lastActive ?? instance.createdAt)!,
      defined({
        ...versionFields(instance.versionHistory[0], channelSlugById),
        appStatus: appStatusOf(instance.appStatus),
        k8sVersion: fit(instance.k8sVersion, 50),
        ...nodes,
        kotsVersion: fit(instance.kotsVersion, 50),
        sdkVersion: fit(instance.sdkVersion, 50),
        cloudProvider: fit(instance.cloudProvider, 50),
        k8sDistribution: distributionOf(portal?.k8sDistribution, clusterType),
        tags: tagsOf(instance),
      }),
    ),
  );
  if (portal?.resourceStates)
    drafts.push(
      draft(
        portal.lastCheckInAt ?? instance.lastActive ?? instance.createdAt!,
        {
          resourceStates: portal.resourceStates,
        },
      ),
    );
  return drafts;
}
