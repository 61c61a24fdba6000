import {
  AppStatus,
  CheckIn,
} from '@customer-reporting/plugin-customer-reporting-common';
import { FieldValues } from '../metrics/changeEvents';
import { spec } from '../schema/openapi/generated/router';

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
 */
const SCALAR_FIELDS = Object.keys(
  spec.components.schemas.CheckIn.properties,
).filter(field => !NOT_SCALAR.has(field));

/** Prefix of custom metric fields: each metric is its own field. */
export const METRIC_FIELD_PREFIX = 'metric:';

/**
 * Encodes what a check-in the spec accepted reports as JSON values per
 * tracked field: text trimmed, the distribution lowercase, the app status
 * as given (the effective, lowercase one).
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
    fields[field] = JSON.stringify(value);
  }
  if (checkIn.tags) {
    // Tags are one field: removing a tag is a change too. Keys in code-point
    // order, so the encoding does not depend on the order they were sent in.
    const tags = checkIn.tags;
    const keys = Object.keys(tags);
    fields.tags = JSON.stringify(
      Object.fromEntries(keys.sort().map(key => [key, tags[key]])),
    );
  }
  const metrics = checkIn.customMetrics;
  if (metrics) {
    for (const key in metrics) {
      if (Object.hasOwn(metrics, key))
        fields[`${METRIC_FIELD_PREFIX}${key}`] = JSON.stringify(metrics[key]);
    }
  }
  return fields;
}

/** Decodes a field value written by {@link checkInFields}. */
export function decodeField<T = unknown>(
  values: FieldValues,
  field: string,
): T | undefined {
  const raw = values[field];
  return raw === undefined ? undefined : (JSON.parse(raw) as T);
}
