import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { resourceStateKey } from '@customer-reporting/plugin-customer-reporting-common';
import { appStatusOf } from './mapInstanceCheckIns';
import { id, optional, optionalTime, parsePage, text } from './tolerant';

/**
 * An `InstanceResourceState` as the ingest takes it: every field the
 * specification declares (all optional there), within the ingest's lengths,
 * and a state that is an app status.
 */
const resourceStateSchema = z
  .object({
    kind: text.max(100),
    namespace: text.max(253),
    name: text.max(253),
    state: text.transform(v => appStatusOf(v.toLowerCase())),
  })
  .refine(r => r.state !== undefined, 'state is not an app status');

/**
 * The list only when every entry is usable and the ingest takes that many
 * (at most 1,000 a check-in): the app status is their rollup, so a partial
 * list would report a status the instance does not have.
 */
const resourceStates = optional(z.array(resourceStateSchema).min(1).max(1000));

/**
 * An Enterprise Portal `Instance` (`GET /app/{app_id}/enterprise-portal/
 * instances`): what the customer's `CustomerInstance` lacks, its
 * Kubernetes distribution, first ready time and per-resource states.
 */
const portalInstanceSchema = z
  .object({
    id,
    k8sDistribution: optional(text),
    firstReadyAt: optionalTime,
    lastCheckin: optionalTime,
    resourceStates,
  })
  .transform(i => ({
    instanceId: i.id,
    k8sDistribution: i.k8sDistribution,
    firstReadyAt: i.firstReadyAt,
    lastCheckInAt: i.lastCheckin,
    resourceStates: i.resourceStates?.map(r => ({
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      state: r.state!,
    })),
  }));

export type VendorPortalInstance = z.output<typeof portalInstanceSchema>;

/**
 * The last entry of each resource (kind, namespace and name) of an
 * instance's list. The ingest refuses a list that names a resource twice,
 * and the specification does not say Replicated's never does; refusing
 * would cost the instance its resource states, so the later entry is
 * taken as the resource's state, and the repeat logged.
 */
function lastOfEachResource(
  instance: VendorPortalInstance,
  logger: LoggerService,
): VendorPortalInstance {
  const list = instance.resourceStates;
  if (!list) return instance;
  const byResource = new Map(list.map(r => [resourceStateKey(r), r]));
  if (byResource.size === list.length) return instance;
  logger.warn(
    `Enterprise Portal instance ${instance.instanceId} lists ${
      list.length - byResource.size
    } resource(s) more than once; kept the last state of each`,
  );
  return { ...instance, resourceStates: [...byResource.values()] };
}

/** One page of `GET .../enterprise-portal/instances`: `{instances, total}`. */
export function parsePortalInstancePage(
  answer: unknown,
  logger: LoggerService,
) {
  const page = parsePage(
    answer,
    'instances',
    'total',
    portalInstanceSchema,
    'Enterprise Portal instance',
    logger,
  );
  return {
    ...page,
    items: page.items.map(instance => lastOfEachResource(instance, logger)),
  };
}
