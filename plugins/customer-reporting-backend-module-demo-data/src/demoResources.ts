import { InstancePlan } from './demoCustomerPlan';

/** One Kubernetes resource of a check-in's `resourceStates`. */
interface DemoResource {
  kind: string;
  namespace: string;
  name: string;
  state: string;
}

/** The workloads an app runs; their Deployments are what degrades. */
const DEPLOYMENTS = ['api', 'web', 'worker'];

/**
 * The resources of an instance at a check-in of status `status`, their
 * rollup being that status (ingest refuses a check-in whose app status
 * and resources disagree): a few Deployments, a database StatefulSet with
 * its PVC, and the Service in front of the API.
 * - missing: the first report, before anything is deployed (no resources);
 * - `starting` (the second report): the pods are not up, the PVC not bound;
 * - unavailable: the API has no ready replica, so its Service no endpoint;
 * - degraded: one Deployment has fewer ready replicas than desired;
 * - updating: one Deployment runs replicas of two revisions.
 * The Deployment in trouble is the instance's own (by `plan.n`), the same
 * every time, so repeated reports of one status are the same list and make
 * no event; no random draw, so the rest of the fleet is as before.
 */
export function demoResources(
  appSlug: string,
  plan: InstancePlan,
  status: string,
  starting: boolean,
): DemoResource[] {
  if (status === 'missing') return [];
  const namespace = appSlug;
  const troubled = DEPLOYMENTS[plan.n % DEPLOYMENTS.length];
  const storage = starting ? 'unavailable' : 'ready';
  const deploymentState = (name: string) => {
    if (starting) return 'unavailable';
    if (status === 'unavailable') return name === 'api' ? status : 'ready';
    return name === troubled ? status : 'ready';
  };
  return [
    ...DEPLOYMENTS.map(name => ({
      kind: 'Deployment',
      namespace,
      name: `${appSlug}-${name}`,
      state: deploymentState(name),
    })),
    {
      kind: 'StatefulSet',
      namespace,
      name: `${appSlug}-postgres`,
      state: storage,
    },
    {
      kind: 'PersistentVolumeClaim',
      namespace,
      name: `data-${appSlug}-postgres-0`,
      state: storage,
    },
    {
      kind: 'Service',
      namespace,
      name: `${appSlug}-api`,
      // Some endpoint is enough; none only when the API has no ready pod.
      state: deploymentState('api') === 'unavailable' ? 'unavailable' : 'ready',
    },
  ];
}
