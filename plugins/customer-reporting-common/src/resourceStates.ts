/**
 * What identifies a resource of a check-in's `resourceStates`, as in
 * Kubernetes: its kind, namespace and name, trimmed. The ingest stores
 * these, and compares them to find a resource listed twice. @public
 */
export function resourceIdentity(resource: {
  kind: string;
  namespace: string;
  name: string;
}): { kind: string; namespace: string; name: string } {
  return {
    kind: resource.kind.trim(),
    namespace: resource.namespace.trim(),
    name: resource.name.trim(),
  };
}

/**
 * {@link resourceIdentity} as one text, to compare resources by. A list
 * holds each resource once: the ingest refuses a repeat, and data sources
 * keep one entry of each before sending. @public
 */
export function resourceStateKey(resource: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  const { kind, namespace, name } = resourceIdentity(resource);
  // JSON keeps the three apart whatever characters they hold.
  return JSON.stringify([kind, namespace, name]);
}
