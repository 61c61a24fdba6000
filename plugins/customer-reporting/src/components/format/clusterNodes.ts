/** The cluster fields of an instance that say who runs its nodes. */
export interface ClusterNodesFields {
  k8sDistribution: string | null;
  clusterType: string | null;
  kurlNodesTotal: number | null;
  kurlNodesReady: number | null;
}

/**
 * Which installer manages the instance's nodes. Both kURL and Embedded
 * Cluster report their node counts in the kurlNodes* check-in fields, so
 * the cluster type (or distribution) tells them apart.
 */
export function clusterInstallerName(instance: ClusterNodesFields): string {
  return instance.clusterType === 'embedded' ||
    instance.k8sDistribution === 'embedded-cluster'
    ? 'Embedded Cluster'
    : 'kURL';
}

/**
 * 'Embedded Cluster 3/3 nodes ready', 'kURL 1/2 nodes ready', or undefined
 * for a cluster that reports no node counts.
 */
export function nodesReadyText(
  instance: ClusterNodesFields,
): string | undefined {
  if (instance.kurlNodesTotal === null) return undefined;
  return `${clusterInstallerName(instance)} ${instance.kurlNodesReady ?? 0}/${
    instance.kurlNodesTotal
  } nodes ready`;
}
