import { CheckIn } from '@customer-reporting/plugin-customer-reporting-common';

/**
 * What a check-in reports besides who and when: the ingest route's CheckIn
 * (openapi.yaml) without its identity and time.
 */
export type CheckInFields = Omit<CheckIn, 'instanceId' | 'customerId' | 'at'>;

/** A check-in before its time is checked against the ingest window. */
export interface CheckInDraft {
  instanceId: string;
  customerId: string;
  /** Epoch milliseconds. */
  at: number;
  fields: CheckInFields;
}
