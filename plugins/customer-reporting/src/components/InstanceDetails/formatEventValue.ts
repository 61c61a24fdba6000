import {
  InstanceEventCategory,
  InstanceEventList,
} from '@customer-reporting/plugin-customer-reporting-common';

/** Labels of the event categories, for the filter and the chips. */
export const EVENT_CATEGORY_LABELS: Record<InstanceEventCategory, string> = {
  status: 'Status',
  version: 'Version',
  infrastructure: 'Infrastructure',
  replicated: 'Replicated',
  preflight: 'Preflight',
  tags: 'Tags',
  'custom-metrics': 'Custom metrics',
};

/**
 * An event's value as text. Values are whatever the instance reported (a
 * string, number, boolean, tag map or nothing), so each kind gets a readable
 * form instead of '[object Object]'.
 */
export function formatEventValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return 'none';
    return entries.map(([k, v]) => `${k}: ${formatEventValue(v)}`).join(', ');
  }
  return JSON.stringify(value);
}

/** One resource of a `resourceStates` event. */
export type ResourceChange = NonNullable<
  InstanceEventList['items'][number]['changes']
>[number];

/**
 * "Deployment app/api: ready → unavailable": a resource and its change,
 * "none" on the side where it was not listed (added or removed).
 */
export function formatResourceChange(change: ResourceChange): string {
  const { kind, namespace, name, previousState, state } = change;
  return `${kind} ${namespace}/${name}: ${formatEventValue(
    previousState,
  )} → ${formatEventValue(state)}`;
}
