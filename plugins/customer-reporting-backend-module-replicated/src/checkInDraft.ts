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

/**
 * The fields without a kURL ready count above the total beside it: the
 * ingest refuses such a check-in (400), and with it the whole batch. Vendor
 * records and events at one time can bring the two counts together.
 */
export function withPossibleNodeCounts(fields: CheckInFields): CheckInFields {
  const { kurlNodesTotal: total, kurlNodesReady: ready } = fields;
  if (total === undefined || ready === undefined || ready <= total)
    return fields;
  const { kurlNodesReady: _left, ...rest } = fields;
  return rest;
}
