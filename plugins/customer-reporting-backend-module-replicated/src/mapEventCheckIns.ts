import { CheckInDraft, CheckInFields } from './ingestBodies';
import { fit } from './fit';
import { appStatusOf } from './mapInstanceCheckIns';
import { VendorInstanceEvent } from './parseEvents';

type Value = VendorInstanceEvent['newValue'];

const text = (max: number) => (v: Value) =>
  typeof v === 'string' ? fit(v, max) : undefined;
const count = (v: Value) => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
};

/**
 * Which check-in field an event's `fieldName` (lowercased) changes, and how
 * its value reads. Fields not listed (computed metrics such as versions
 * behind) are derived by the portal itself and ignored here.
 */
const FIELDS: Record<string, [keyof CheckInFields, (v: Value) => unknown]> = {
  appstatus: [
    'appStatus',
    v => (typeof v === 'string' ? appStatusOf(v.toLowerCase()) : undefined),
  ],
  versionlabel: ['appVersion', text(100)],
  k8sversion: ['k8sVersion', text(50)],
  kubernetesversion: ['k8sVersion', text(50)],
  k8sdistribution: ['k8sDistribution', v => text(50)(v)?.toLowerCase()],
  kotsversion: ['kotsVersion', text(50)],
  replicatedsdkversion: ['sdkVersion', text(50)],
  cloud: ['cloudProvider', text(50)],
  cloudprovider: ['cloudProvider', text(50)],
  cloudregion: ['cloudRegion', text(100)],
  kurlnodecounttotal: ['kurlNodesTotal', count],
  kurlnodecountready: ['kurlNodesReady', count],
};

/**
 * Instance events as check-ins at their times, each carrying the field that
 * changed (custom metrics under their own name). Events of one instance at
 * one time become one check-in, since check-ins are keyed by (instance,
 * time). Returns the drafts and how many events had no usable field.
 */
export function mapEventCheckIns(events: VendorInstanceEvent[]): {
  drafts: CheckInDraft[];
  ignored: number;
} {
  const byKey = new Map<string, CheckInDraft>();
  let ignored = 0;
  for (const event of events) {
    let fields: CheckInFields | undefined;
    if (event.isCustom) {
      const name = fit(event.fieldName, 100);
      const value =
        typeof event.newValue === 'string'
          ? event.newValue.slice(0, 1000)
          : event.newValue;
      if (name && value !== undefined)
        fields = { customMetrics: { [name]: value } };
    } else {
      const known = FIELDS[event.fieldName.toLowerCase().replace(/[_-]/g, '')];
      const value = known?.[1](event.newValue);
      if (known && value !== undefined) fields = { [known[0]]: value };
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

/** `b` over `a`, custom metrics merged key by key. */
export function mergeFields(a: CheckInFields, b: CheckInFields): CheckInFields {
  const merged = { ...a, ...b };
  if (a.customMetrics || b.customMetrics) {
    merged.customMetrics = { ...a.customMetrics, ...b.customMetrics };
  }
  return merged;
}
