import { InstanceEventCategory as EventCategory } from '@customer-reporting/plugin-customer-reporting-common';
import { METRIC_FIELD_PREFIX } from '../ingest/checkInFields';

const FIELDS: Record<string, { label: string; category: EventCategory }> = {
  appStatus: { label: 'App status', category: 'status' },
  resourceStates: { label: 'Resource states', category: 'status' },
  appVersion: { label: 'App version', category: 'version' },
  channelSlug: { label: 'Channel', category: 'version' },
  releaseSequence: { label: 'Release sequence', category: 'version' },
  k8sVersion: { label: 'Kubernetes version', category: 'infrastructure' },
  k8sDistribution: {
    label: 'Kubernetes distribution',
    category: 'infrastructure',
  },
  clusterType: { label: 'Cluster type', category: 'infrastructure' },
  kurlNodesTotal: { label: 'kURL nodes', category: 'infrastructure' },
  kurlNodesReady: { label: 'kURL nodes ready', category: 'infrastructure' },
  cloudProvider: { label: 'Cloud provider', category: 'infrastructure' },
  cloudRegion: { label: 'Cloud region', category: 'infrastructure' },
  airgap: { label: 'Air gap', category: 'infrastructure' },
  clusterId: { label: 'Cluster', category: 'infrastructure' },
  kotsVersion: { label: 'KOTS version', category: 'replicated' },
  sdkVersion: { label: 'Replicated SDK version', category: 'replicated' },
  preflightStatus: { label: 'Preflight status', category: 'preflight' },
  tags: { label: 'Tags', category: 'tags' },
};

/** Label and category of an event field; custom metrics are `metric:<key>`. */
export function describeEventField(field: string): {
  label: string;
  category: EventCategory;
} {
  if (field.startsWith(METRIC_FIELD_PREFIX)) {
    return {
      label: field.slice(METRIC_FIELD_PREFIX.length),
      category: 'custom-metrics',
    };
  }
  return FIELDS[field] ?? { label: field, category: 'infrastructure' };
}

/** The fields of a category, for SQL filters (custom metrics by prefix). */
export function fieldsOfCategory(category: EventCategory): {
  fields: string[];
  prefix?: string;
} {
  if (category === 'custom-metrics')
    return { fields: [], prefix: METRIC_FIELD_PREFIX };
  return {
    fields: Object.keys(FIELDS).filter(f => FIELDS[f].category === category),
  };
}
