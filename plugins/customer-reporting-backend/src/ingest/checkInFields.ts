import { AppStatus } from '@customer-reporting/plugin-customer-reporting-common';
import { FieldValues } from '../metrics/changeEvents';
import { rollupStatus } from '../metrics/statusRollup';
import { CheckInInput } from './schemas';

/** Check-in fields tracked one by one for change events. */
const SCALAR_FIELDS = [
  'appStatus',
  'appVersion',
  'channelSlug',
  'releaseSequence',
  'k8sVersion',
  'k8sDistribution',
  'clusterType',
  'kurlNodesTotal',
  'kurlNodesReady',
  'kotsVersion',
  'sdkVersion',
  'cloudProvider',
  'cloudRegion',
  'preflightStatus',
  'airgap',
  'clusterId',
] as const;

/** Prefix of custom metric fields: each metric is its own field. */
export const METRIC_FIELD_PREFIX = 'metric:';

/**
 * The app status a check-in reports: its resources' rollup when it has
 * resource states, else the status it states. Returns an error message when
 * both are given and disagree.
 */
export function effectiveAppStatus(checkIn: CheckInInput): {
  status?: AppStatus;
  error?: string;
} {
  if (!checkIn.resourceStates) return { status: checkIn.appStatus };
  const rolledUp = rollupStatus(checkIn.resourceStates.map(r => r.state));
  if (checkIn.appStatus && checkIn.appStatus !== rolledUp) {
    return {
      error: `is ${checkIn.appStatus} but the resource states roll up to ${rolledUp}`,
    };
  }
  return { status: rolledUp };
}

/** Encodes what a check-in reports as JSON values per tracked field. */
export function checkInFields(
  checkIn: CheckInInput,
  status?: AppStatus,
): FieldValues {
  const fields: FieldValues = {};
  const reported = checkIn as Record<string, unknown>;
  for (const field of SCALAR_FIELDS) {
    const value = field === 'appStatus' ? status : reported[field];
    if (value !== undefined) fields[field] = JSON.stringify(value);
  }
  if (checkIn.tags) {
    // Tags are one field: removing a tag is a change too. Keys in code-point
    // order, so the encoding does not depend on the order they were sent in.
    const tags = checkIn.tags;
    fields.tags = JSON.stringify(
      Object.fromEntries(
        Object.keys(tags)
          .sort()
          .map(key => [key, tags[key]]),
      ),
    );
  }
  for (const [key, value] of Object.entries(checkIn.customMetrics ?? {})) {
    fields[`${METRIC_FIELD_PREFIX}${key}`] = JSON.stringify(value);
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
