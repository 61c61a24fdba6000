import { DEMO_CLOUDS, DEMO_DISTRIBUTIONS } from './demoCatalog';

/**
 * Where demo instances run: install methods, the distributions and clouds
 * that go with each, and real version strings of Kubernetes, KOTS, the
 * Replicated SDK and Linux distributions.
 */

/**
 * How a customer installed: Helm or KOTS into an existing cluster, or a
 * Linux host that the installer turns into a cluster (Embedded Cluster, or
 * the older kURL).
 */
export type InstallMethod = 'helm' | 'kots' | 'embedded-cluster' | 'kurl';

/**
 * Distributions of existing clusters (Helm and KOTS installs): the
 * Kubernetes distributions other than kind, which runs on laptops and CI.
 */
export const EXISTING_CLUSTER_DISTRIBUTIONS = DEMO_DISTRIBUTIONS.filter(
  d => d !== 'embedded-cluster' && d !== 'kurl' && d !== 'kind',
);

/** The cluster type a check-in reports for a distribution. */
export function clusterTypeOf(distribution: string) {
  if (distribution === 'embedded-cluster') return 'embedded';
  if (distribution === 'kurl') return 'kurl';
  return 'existing';
}

/** Managed distributions run on their vendor's cloud; the others anywhere. */
const CLOUD_OF: Partial<Record<string, string>> = {
  eks: 'aws',
  gke: 'gcp',
  aks: 'azure',
};
export function cloudsFor(distribution: string) {
  const managed = CLOUD_OF[distribution];
  return managed
    ? DEMO_CLOUDS.filter(c => c.provider === managed)
    : DEMO_CLOUDS;
}

/** Kubernetes patch releases, oldest first. */
export const K8S_VERSIONS = [
  '1.28.13',
  '1.29.8',
  '1.29.10',
  '1.30.4',
  '1.30.6',
  '1.31.1',
  '1.31.3',
] as const;

/** How each distribution spells its Kubernetes version. */
export function k8sVersionString(distribution: string, version: string) {
  switch (distribution) {
    case 'eks':
      return `${version}-eks-a737599`;
    case 'gke':
      return `${version}-gke.1086000`;
    case 'k3s':
      return `${version}+k3s1`;
    case 'rke2':
      return `${version}+rke2r1`;
    case 'embedded-cluster':
      return `${version}+k0s`;
    default:
      return version;
  }
}

/** KOTS releases, oldest first (KOTS runs on KOTS, kURL and Embedded Cluster installs). */
export const KOTS_VERSIONS = [
  '1.117.3',
  '1.119.2',
  '1.121.0',
  '1.122.1',
  '1.123.0',
  '1.124.3',
] as const;

/**
 * Replicated SDK releases, oldest first. The SDK ships inside the app's
 * chart, so an app release pins it: newer app releases bring newer SDKs.
 */
export const SDK_VERSIONS = [
  '1.0.0',
  '1.1.1',
  '1.3.0',
  '1.4.0',
  '1.5.0',
  '1.5.2',
] as const;

/** Linux distributions and the releases Embedded Cluster and kURL install on. */
export const LINUX_OS_RELEASES: Record<string, readonly string[]> = {
  ubuntu: ['20.04', '22.04', '22.04', '24.04', '24.04'],
  rhel: ['8.8', '8.10', '9.2', '9.4'],
  debian: ['11', '12'],
  amzn: ['2023'],
  rocky: ['8.9', '9.4'],
};
export const LINUX_OS_NAMES = [
  'ubuntu',
  'ubuntu',
  'ubuntu',
  'rhel',
  'rhel',
  'debian',
  'amzn',
  'rocky',
] as const;
