import {
  AppStatus,
  CheckIn,
  resourceIdentity,
} from '@customer-reporting/plugin-customer-reporting-common';
import { FieldValues } from '../metrics/changeEvents';
import { compareResources } from '../metrics/resourceStates';
import { spec } from '../schema/openapi/generated/router';
import { BoundedCache } from './BoundedCache';
import { encodeJson } from './encodeJson';

/** Not tracked as one field each: identity, time, and the composite fields. */
const NOT_SCALAR = new Set([
  'instanceId',
  'customerId',
  'at',
  'resourceStates',
  'tags',
  'customMetrics',
]);

/**
 * Check-in fields tracked one by one for change events: every other
 * property of the spec's CheckIn, so a field added there is tracked too.
 * Their order is the order of a check-in's fields, payload and events.
 */
const SCALAR_FIELDS = Object.keys(
  spec.components.schemas.CheckIn.properties,
).filter(field => !NOT_SCALAR.has(field));

/** Prefix of custom metric fields: each metric is its own field. */
export const METRIC_FIELD_PREFIX = 'metric:';

/**
 * Field names of custom metrics, built once per metric name: a fleet
 * reports a few names over and over, and a name built anew for every
 * check-in costs V8 a lookup each time it becomes a property key. Bounded,
 * since the names come from clients.
 */
const metricFields = new BoundedCache<string, string>(1000);

function metricField(metric: string): string {
  let field = metricFields.get(metric);
  if (field === undefined) {
    field = `${METRIC_FIELD_PREFIX}${metric}`;
    metricFields.set(metric, field);
  }
  return field;
}

/**
 * Encodes what a check-in the spec accepted reports as JSON values per
 * tracked field: text trimmed, the distribution lowercase, the app status
 * as given (the effective, lowercase one). Runs for every check-in, so it
 * avoids the generic encoder where the value's type makes it unnecessary.
 */
export function checkInFields(
  checkIn: CheckIn,
  status?: AppStatus,
): FieldValues {
  const fields: FieldValues = {};
  const reported = checkIn as unknown as Record<string, unknown>;
  for (const field of SCALAR_FIELDS) {
    let value = field === 'appStatus' ? status : reported[field];
    if (value === undefined) continue;
    if (typeof value === 'string') {
      value =
        field === 'k8sDistribution' ? value.trim().toLowerCase() : value.trim();
    }
    fields[field] = encodeJson(value);
  }
  if (checkIn.resourceStates)
    fields.resourceStates = encodeResourceStates(checkIn.resourceStates);
  if (checkIn.tags) fields.tags = encodeTags(checkIn.tags);
  const metrics = checkIn.customMetrics;
  if (metrics) {
    for (const key in metrics) {
      if (Object.hasOwn(metrics, key))
        fields[metricField(key)] = encodeJson(metrics[key]);
    }
  }
  return fields;
}

/**
 * Tags are one field: removing a tag is a change too. Keys in code-unit
 * order, so the encoding does not depend on the order they were sent in.
 * Tags sent in that order (as agents send them, every time) are encoded as
 * they are: a copy with the same keys in the same order encodes the same.
 */
function encodeTags(tags: Record<string, string>): string {
  const keys = Object.keys(tags);
  for (let i = 1; i < keys.length; i++) {
    if (!(keys[i - 1] < keys[i])) {
      return JSON.stringify(
        Object.fromEntries(keys.sort().map(key => [key, tags[key]])),
      );
    }
  }
  return JSON.stringify(tags);
}

/**
 * The resources are one field, as tags are: a resource added, removed or
 * changing state is one change of the list, and one event whatever the
 * rollup does. Sorted, text trimmed and states lowercase (as the app status
 * is stored), so the encoding does not depend on the order or the case
 * the agent sent them in: the same resources make no event.
 */
function encodeResourceStates(
  resources: NonNullable<CheckIn['resourceStates']>,
): string {
  const stored = resources.map(r => ({
    ...resourceIdentity(r),
    state: r.state.toLowerCase(),
  }));
  return JSON.stringify(stored.sort(compareResources));
}

/** Decodes a field value written by {@link checkInFields}. */
export function decodeField<T = unknown>(
  values: FieldValues,
  field: string,
): T | undefined {
  const raw = values[field];
  return raw === undefined ? undefined : (JSON.parse(raw) as T);
}
