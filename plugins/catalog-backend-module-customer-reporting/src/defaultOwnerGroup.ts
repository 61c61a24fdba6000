import { Entity } from '@backstage/catalog-model';

/** Owner of customer entities when `customerReporting.catalog.defaultOwner` is not set. */
export const DEFAULT_OWNER_REF = 'group:default/customer-success';

/**
 * The group that owns customers when no default owner is configured. A fresh
 * app has no such group, so the provider publishes it with the customers:
 * their owner then exists instead of showing "Entities not found".
 */
export function defaultOwnerGroup(locationKey: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'customer-success',
      namespace: 'default',
      description:
        'Owns the customers of customer reporting that name no owner. Set customerReporting.catalog.defaultOwner to a group of your own instead.',
      annotations: {
        'backstage.io/managed-by-location': locationKey,
        'backstage.io/managed-by-origin-location': locationKey,
      },
    },
    spec: { type: 'team', children: [] },
  };
}
