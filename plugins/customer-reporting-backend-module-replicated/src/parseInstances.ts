import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import {
  entries,
  id,
  optional,
  optionalTime,
  parseEach,
  record,
  text,
} from './tolerant';

const count = optional(z.number().int().nonnegative());

const tagSchema = record({ key: text, value: z.string() });

const versionSchema = record({
  versionlabel: optional(text),
  downstreamchannelid: optional(text),
  downstreamreleasesequence: count,
  intervalstart: optionalTime,
  intervallast: optionalTime,
}).transform(v => ({
  versionLabel: v.versionlabel,
  channelId: v.downstreamchannelid,
  releaseSequence: v.downstreamreleasesequence,
  intervalStart: v.intervalstart,
  intervalLast: v.intervallast,
}));

const instanceSchema = record({
  instanceid: id,
  clusterid: optional(text),
  createdat: optionalTime,
  lastactive: optionalTime,
  appstatus: optional(text),
  active: optional(z.boolean()),
  isairgap: optional(z.boolean()),
  iskurl: optional(z.boolean()),
  isembeddedcluster: optional(z.boolean()),
  kurlnodecounttotal: count,
  kurlnodecountready: count,
  k8sversion: optional(text),
  k8sdistribution: optional(text),
  kotsversion: optional(text),
  replicatedsdkversion: optional(text),
  cloud: optional(text),
  cloudregion: optional(text),
  tags: entries(tagSchema),
  versionhistory: entries(versionSchema),
})
  .refine(
    i => i.createdat !== undefined || i.lastactive !== undefined,
    'has neither createdAt nor lastActive',
  )
  .transform(i => ({
    instanceId: i.instanceid,
    clusterId: i.clusterid,
    createdAt: i.createdat,
    lastActive: i.lastactive,
    appStatus: i.appstatus?.toLowerCase(),
    airgap: i.isairgap,
    isKurl: i.iskurl,
    isEmbeddedCluster: i.isembeddedcluster,
    kurlNodesTotal: i.kurlnodecounttotal,
    kurlNodesReady: i.kurlnodecountready,
    k8sVersion: i.k8sversion,
    k8sDistribution: i.k8sdistribution,
    kotsVersion: i.kotsversion,
    sdkVersion: i.replicatedsdkversion,
    cloudProvider: i.cloud,
    cloudRegion: i.cloudregion,
    tags: i.tags,
    // Newest first, as the API sends it.
    versionHistory: i.versionhistory,
  }));

/** One instance of a customer, from the customer's detail answer. */
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
