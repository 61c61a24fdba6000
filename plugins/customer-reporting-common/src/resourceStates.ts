/**
 * What identifies a resource of a check-in's `resourceStates`, as in
 * Kubernetes: its kind, namespace and name, trimmed as the ingest stores
 * them. A list holds each resource once: the ingest refuses a repeat, and
 * data sources keep one entry of each before sending. @public
 */
export function resourceStateKey(resource: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  // JSON keeps the three apart whatever characters they hold.
  return JSON.stringify([
    resource.kind.trim(),
    resource.namespace.trim(),
    resource.name.trim(),
  ]);
}
