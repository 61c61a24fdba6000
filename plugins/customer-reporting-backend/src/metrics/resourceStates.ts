import {
  APP_STATUSES,
  AppStatus,
  ResourceState,
} from '@customer-reporting/plugin-customer-reporting-common';
import { compareCodeUnits } from './compareCodeUnits';

/** A resource without its state: what identifies it in a list. */
type ResourceKey = Pick<ResourceState, 'kind' | 'namespace' | 'name'>;

function byKey(a: ResourceKey, b: ResourceKey): number {
  return (
    compareCodeUnits(a.kind, b.kind) ||
    compareCodeUnits(a.namespace, b.namespace) ||
    compareCodeUnits(a.name, b.name)
  );
}

/**
 * The stored order of a check-in's resources: by kind, namespace and name,
 * then state, so that even a resource listed twice (as lists stored before
 * the ingest refused repeats may hold) sorts the same way whatever order it
 * was sent in.
 */
export function compareResources(
  a: ResourceKey & { state: string },
  b: ResourceKey & { state: string },
): number {
  return byKey(a, b) || compareCodeUnits(a.state, b.state);
}

/**
 * The order of the instance page: least available first (the resources
 * that make the app status what it is), then the stored order.
 */
export function leastAvailableFirst(
  resources: readonly ResourceState[],
): ResourceState[] {
  return [...resources].sort(
    (a, b) =>
      APP_STATUSES.indexOf(a.state) - APP_STATUSES.indexOf(b.state) ||
      compareResources(a, b),
  );
}

/** One resource of a `resourceStates` event; a null state: not in that list. */
export interface ResourceStateChange extends ResourceKey {
  previousState: AppStatus | null;
  state: AppStatus | null;
}

/**
 * The resources whose state differs between two stored lists (either may be
 * null: never reported), by kind, namespace and name: added ones have no
 * previous state, removed ones no state. Walks both sorted lists together,
 * so a list of a thousand resources costs one pass.
 */
export function resourceStateChanges(
  previous: readonly ResourceState[] | null,
  current: readonly ResourceState[] | null,
): ResourceStateChange[] {
  const before = previous ?? [];
  const after = current ?? [];
  const changes: ResourceStateChange[] = [];
  const add = (
    key: ResourceKey,
    from: AppStatus | null,
    to: AppStatus | null,
  ) =>
    changes.push({
      kind: key.kind,
      namespace: key.namespace,
      name: key.name,
      previousState: from,
      state: to,
    });
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    let order: number;
    if (i === before.length) order = 1;
    else if (j === after.length) order = -1;
    else order = byKey(before[i], after[j]);
    if (order < 0) {
      add(before[i], before[i].state, null);
      i++;
    } else if (order > 0) {
      add(after[j], null, after[j].state);
      j++;
    } else {
      if (before[i].state !== after[j].state)
        add(after[j], before[i].state, after[j].state);
      i++;
      j++;
    }
  }
  return changes;
}
