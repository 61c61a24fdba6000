import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  customerReporting?: {
    /** The catalog module: customers as `Resource` entities of type `customer`. */
    catalog?: {
      /**
       * Owner (entity ref) of customer entities whose record names none.
       * When unset, the catalog module publishes this group itself so that
       * the owner exists in an app that has no such group.
       * @default group:default/customer-success
       */
      defaultOwner?: string;
      /** Full refresh schedule of the customer entity provider (default every 30 minutes). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Publish each customer's license type (as a `license-<type>` tag) and
       * channel on its entity. Every catalog reader sees them.
       * @default false
       */
      licenseDetails?: boolean;
    };
  };
}
