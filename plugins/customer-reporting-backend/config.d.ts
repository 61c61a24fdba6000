import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the customer-reporting backend plugin. */
  customerReporting?: {
    demo?: {
      /**
       * Load the deterministic demo fleet through the ingestion path when the
       * plugin starts with no customers (needs
       * `customerReportingDemoDataModule` in the backend). For local use.
       * @default false
       */
      enabled?: boolean;
    };
    ingest?: {
      /**
       * Largest accepted request body, in bytes, for the ingest routes.
       * @default 5242880
       */
      maxBodyBytes?: number;
    };
    retention?: {
      /**
       * Raw check-ins older than this many days are deleted daily (what the
       * reports need is kept in derived tables) and refused at ingest.
       * @default 400
       */
      checkInDays?: number;
      /**
       * Audit trail entries older than this many days are deleted daily.
       * @default 400
       */
      auditDays?: number;
    };
    installAttempts?: {
      /**
       * An attempt with no outcome and no new step for this many minutes is
       * stalled.
       * @default 60
       */
      stalledAfterMinutes?: number;
    };
    downloadPortal?: {
      /**
       * Base of each customer's unique Download Portal URL
       * (`<baseUrl>/<customerId>`).
       * @default https://download.example.com
       */
      baseUrl?: string;
    };
    catalog?: {
      /**
       * Owner (entity ref) of customer entities whose record names none.
       * @default group:default/customer-success
       */
      defaultOwner?: string;
      /** Full refresh schedule of the customer entity provider (default every 30 minutes). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    helm?: {
      /**
       * Host of the OCI registry in the Helm install instructions.
       * @default registry.example.com
       */
      registryHost?: string;
      /** Chart name per app slug; an app without an entry uses its slug. */
      chartNames?: { [appSlug: string]: string };
    };
    license?: {
      /**
       * PEM (PKCS#8) of the Ed25519 private key that signs downloaded
       * licenses. Without it, license downloads answer 503.
       * @visibility secret
       */
      signingKey?: string;
    };
    activity?: {
      /**
       * An online instance is active while its last check-in is at most this
       * many hours old.
       * @default 24
       */
      activeWindowHours?: number;
    };
  };
}
