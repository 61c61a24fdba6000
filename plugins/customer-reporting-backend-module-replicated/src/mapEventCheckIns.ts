import {
  CheckInDraft,
  CheckInFields,
  withPossibleNodeCounts,
} from './checkInDraft';
import { fit } from './fit';
import { appStatusOf, distributionOf } from './mapInstanceCheckIns';
import { VendorInstanceEvent } from './parseEvents';

type Value = string | undefined;

const text = (max: number) => (v: Value) => fit(v, max);
const count = (v: Value) => {
  const n = v === undefined || v.trim() === '' ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

/** What an event's new value sets, given what the sync knows of the app. */
type Reader = (
  v: Value,
  context: EventContext & { embedded: boolean },
) => CheckInFields | undefined;

export interface EventContext {
  channelSlugById: Map<string, string>;
}

const field =
  <K extends keyof CheckInFields>(
    name: K,
    read: (v: Value) => CheckInFields[K] | undefined,
  ): Reader =>
  v => {
    const value = read(v);
    return value === undefined ? undefined : { [name]: value };
  };

/**
 * The `fieldName`s of Replicated's instance events ("Event Data" in
 * Replicated's documentation; the specification types `fieldName` as a
 * plain string) and the check-in field each sets. Computed metrics
 * (`numberVersionsBehind`, `versionAge`, `versionAgeSinceLatest`) are
 * derived by the portal from the release history and not read; neither are
 * names not listed. An Embedded Cluster instance never takes kURL values.
 */
const FIELDS: Record<string, Reader> = {
  appStatus: field('appStatus', v => appStatusOf(v?.toLowerCase())),
  versionLabel: field('appVersion', text(100)),
  channelId: (v, c) => {
    const slug = v && c.channelSlugById.get(v);
    return slug ? { channelSlug: slug } : undefined;
  },
  kotsVersion: field('kotsVersion', text(50)),
  isKurl: (v, c) => {
    if (c.embedded) return undefined;
    const value = v?.toLowerCase();
    if (value === 'true' || value === 'kurl') return { clusterType: 'kurl' };
    if (value === 'false' || value === 'existing')
      return { clusterType: 'existing' };
    return undefined;
  },
  k8sVersion: field('k8sVersion', text(50)),
  k8sDistribution: (v, c) => {
    const value = distributionOf(v, c.embedded ? 'embedded' : undefined);
    return value ? { k8sDistribution: value } : undefined;
  },
  kurlNodeCountTotal: field('kurlNodesTotal', count),
  kurlNodeCountReady: field('kurlNodesReady', count),
  cloudProvider: field('cloudProvider', text(50)),
  cloudProviderRegion: field('cloudRegion', text(100)),
  preflightCheckStatus: field('preflightStatus', text(50)),
};

/** A custom metric's value: the API sends strings; numbers and booleans are read back. */
function metricValue(v: string): string | number | boolean {
  const trimmed = v.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  const n = trimmed === '' ? NaN : Number(trimmed);
  return Number.isFinite(n) ? n : v.slice(0, 1000);
}

/**
 * Instance events as check-ins at their `reportedAt`, each carrying the
 * field that changed (custom metrics under their own name). Events of one
 * instance at one time become one check-in, since check-ins are keyed by
 * (instance, time). `embeddedInstanceIds` are the Embedded Cluster
 * instances. Returns the drafts and how many events set nothing.
 */
export function mapEventCheckIns(
  events: VendorInstanceEvent[],
  context: EventContext & { embeddedInstanceIds: Set<string> },
): { drafts: CheckInDraft[]; ignored: number } {
  const byKey = new Map<string, CheckInDraft>();
  let ignored = 0;
  for (const event of events) {
    let fields: CheckInFields | undefined;
    if (event.isCustom) {
      const name = fit(event.fieldName, 100);
      if (name && event.newValue !== undefined)
        fields = { customMetrics: { [name]: metricValue(event.newValue) } };
    } else {
      fields = FIELDS[event.fieldName]?.(event.newValue, {
        ...context,
        embedded: context.embeddedInstanceIds.has(event.instanceId),
      });
    }
    if (!fields) {
      ignored++;
      continue;
    }
    const key = `${event.instanceId}\u0000${event.at}`;
    const draft = byKey.get(key);
    if (!draft) {
      byKey.set(key, {
        instanceId: event.instanceId,
        customerId: event.customerId,
        at: event.at,
        fields,
      });
    } else {
      draft.fields = mergeFields(draft.fields, fields);
    }
  }
  return { drafts: [...byKey.values()], ignored };
}

/**
 * `b` over `a`, custom metrics merged key by key. With resource states the
 * app status is left out: the ingest sets it to their rollup, and refuses a
 * stated status that differs (the record's status and the Enterprise
 * Portal's resource states may come from different moments). A ready node
 * count above the total beside it is left out.
 */
export function mergeFields(a: CheckInFields, b: CheckInFields): CheckInFields {
  const merged = { ...a, ...b };
  if (a.customMetrics || b.customMetrics) {
    merged.customMetrics = { ...a.customMetrics, ...b.customMetrics };
  }
  if (merged.resourceStates) delete merged.appStatus;
  return withPossibleNodeCounts(merged);
}
