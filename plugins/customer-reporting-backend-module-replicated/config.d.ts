import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  customerReporting?: {
    /**
     * Pulls customers, instances, release history and Enterprise Portal
     * data from Replicated's Vendor API v3 (needs the replicated module in
     * the backend). Without this block the module registers nothing.
     */
    replicated?: {
      /**
       * A Vendor API token (service account or user token). Sent as the raw
       * Authorization header. Read it from the environment, e.g.
       * `${REPLICATED_API_TOKEN}`.
       * @visibility secret
       */
      apiToken: string;
      /** Slugs of the Replicated apps to pull; other apps are left alone. */
      appSlugs: string[];
      /**
       * Base URL of the Vendor API v3.
       * @default https://api.replicated.com/vendor/v3
       */
      baseUrl?: string;
      /**
       * How often to sync.
       * @default { frequency: { minutes: 30 }, timeout: { minutes: 15 } }
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Also pull customers Replicated marks as test customers.
       * @default false
       */
      includeTest?: boolean;
    };
  };
}
