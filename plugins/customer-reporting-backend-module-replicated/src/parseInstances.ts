import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import {
  count,
  entries,
  flag,
  id,
  optional,
  optionalTime,
  parseEach,
  text,
} from './tolerant';

/** An `InstanceTag`. */
const tagSchema = z.object({ key: text, value: z.string() });

/** A `CustomerInstanceVersionHistory` entry. */
const versionSchema = z
  .object({
    versionLabel: optional(text),
    downstreamChannelId: optional(text),
    downstreamReleaseSequence: count,
    intervalStart: optionalTime,
    intervalLast: optionalTime,
  })
  .transform(v => ({
    versionLabel: v.versionLabel,
    channelId: v.downstreamChannelId,
    releaseSequence: v.downstreamReleaseSequence,
    intervalStart: v.intervalStart,
    intervalLast: v.intervalLast,
  }));

/** A `CustomerInstance`. */
const instanceSchema = z
  .object({
    instanceId: id,
    clusterId: optional(text),
    createdAt: optionalTime,
    lastActive: optionalTime,
    appStatus: optional(text),
    isAirgap: flag,
    isArchived: flag,
    isKurl: flag,
    isEmbeddedCluster: flag,
    kurlNodeCountTotal: count,
    kurlNodeCountReady: count,
    k8sVersion: optional(text),
    kotsVersion: optional(text),
    replicatedSdkVersion: optional(text),
    cloud: optional(text),
    tags: entries(tagSchema),
    versionHistory: entries(versionSchema),
  })
  .refine(
    i => i.createdAt !== undefined || i.lastActive !== undefined,
    'has neither createdAt nor lastActive',
  )
  .transform(i => ({
    instanceId: i.instanceId,
    clusterId: i.clusterId,
    createdAt: i.createdAt,
    lastActive: i.lastActive,
    appStatus: i.appStatus?.toLowerCase(),
    airgap: i.isAirgap,
    archived: i.isArchived ?? false,
    isKurl: i.isKurl,
    isEmbeddedCluster: i.isEmbeddedCluster,
    nodesTotal: i.kurlNodeCountTotal,
    nodesReady: i.kurlNodeCountReady,
    k8sVersion: i.k8sVersion,
    kotsVersion: i.kotsVersion,
    sdkVersion: i.replicatedSdkVersion,
    cloudProvider: i.cloud,
    tags: i.tags,
    versionHistory: newestFirst(i.versionHistory),
  }));

type VersionEntry = z.output<typeof versionSchema>;

/**
 * The entries newest first, by when each began (else when it was last
 * seen). The API sends them so, but the spec does not say it: the current
 * version must not depend on the order of an array.
 */
function newestFirst(history: VersionEntry[]): VersionEntry[] {
  const since = (v: VersionEntry) => v.intervalStart ?? v.intervalLast ?? 0;
  return [...history].sort((a, b) => since(b) - since(a));
}

/** One instance of a customer (the customer's `instances`). */
export type VendorInstance = z.output<typeof instanceSchema>;

export function parseInstances(
  raw: unknown[],
  customerId: string,
  logger: LoggerService,
): { instances: VendorInstance[]; skipped: number } {
  const { items, skipped } = parseEach(
    raw,
    instanceSchema,
    `instance of customer ${customerId}`,
    logger,
  );
  return { instances: items, skipped };
}
