import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the customer-reporting backend plugin. */
  customerReporting?: {
    demo?: {
      /**
       * Load the deterministic demo fleet through the ingestion path when the
       * plugin starts with no customers (needs the demo data module,
       * `@customer-reporting/plugin-customer-reporting-backend-module-demo-data`,
       * in the backend). For local use: the plugin refuses to start with it
       * outside development.
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
       * Raw check-ins older than this are deleted daily (what the reports
       * need is kept in derived tables); a late check-in from before the
       * deleted ones of its instance is then refused at ingest. A duration:
       * `{ days: 400 }`, `400d` or `P400D`.
       * @default { days: 400 }
       */
      checkIns?: HumanDuration | string;
      /**
       * Audit trail entries and alert deliveries older than this are deleted
       * daily.
       * @default { days: 400 }
       */
      audit?: HumanDuration | string;
      /**
       * Days; read when `checkIns` is unset.
       * @deprecated use customerReporting.retention.checkIns
       */
      checkInDays?: number;
      /**
       * Days; read when `audit` is unset.
       * @deprecated use customerReporting.retention.audit
       */
      auditDays?: number;
    };
    installAttempts?: {
      /**
       * An attempt with no outcome and no new step for this long is stalled.
       * @default { minutes: 60 }
       */
      stalledAfter?: HumanDuration | string;
      /**
       * Minutes; read when `stalledAfter` is unset.
       * @deprecated use customerReporting.installAttempts.stalledAfter
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
    alerts?: {
      /**
       * How often every alert rule is judged (once across replicas); ingest
       * judges the customers it touched right away.
       * @default { minutes: 1 }
       */
      evaluateEvery?: HumanDuration | string;
      /**
       * How long ago an event (first ready) or a transition (became
       * inactive, attempt stalled or failed) may be to be told when first
       * judged, e.g. for a new rule.
       * @default { hours: 168 }
       */
      lookback?: HumanDuration | string;
      /**
       * Minutes; read when `evaluateEvery` is unset.
       * @deprecated use customerReporting.alerts.evaluateEvery
       */
      evaluateEveryMinutes?: number;
      /**
       * Hours; read when `lookback` is unset.
       * @deprecated use customerReporting.alerts.lookback
       */
      lookbackHours?: number;
    };
    /**
     * The shipped permission policy (`customerReportingPermissionPolicyModule`,
     * docs/permissions.md). Signed-in users read customers; each group below
     * may do one more thing. A group lists entity refs (groups or users)
     * matched against the user's ownership refs; unset means nobody.
     */
    permissions?: {
      groups?: {
        /** Download licenses and see license IDs (the Helm registry password). */
        licenseAdmins?: string[];
        /** Generate or set Download Portal passwords. */
        portalPasswordAdmins?: string[];
        /** Enable or disable the Enterprise Portal and invite its users. */
        enterprisePortalAdmins?: string[];
        /** Archive and unarchive instances (inactive, air gap or of development licenses). */
        instanceArchivers?: string[];
        /** Download the CSV exports (of the customers they may read). */
        exporters?: string[];
        /** See the sync status of the data sources. */
        dataSourceViewers?: string[];
        /** Create, change, mute and delete alert rules. */
        alertAdmins?: string[];
      };
      /**
       * Users read only the customers one of their ownership refs owns (the
       * customer's `owner`), in the plugin and in the catalog.
       * @default false
       */
      readOwnCustomersOnly?: boolean;
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
       * old.
       * @default { hours: 24 }
       */
      activeWindow?: HumanDuration | string;
      /**
       * Hours; read when `activeWindow` is unset.
       * @deprecated use customerReporting.activity.activeWindow
       */
      activeWindowHours?: number;
    };
  };
}
