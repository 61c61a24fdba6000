export interface Config {
  /** Configuration of the customer-reporting backend plugin. */
  customerReporting?: {
    demoData?: {
      /**
       * Load the deterministic demo fleet through the ingestion path when the
       * plugin starts with no customers. Meant for local development.
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
