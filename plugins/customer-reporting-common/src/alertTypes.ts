/**
 * Alert rules, mutes and the delivery log (docs/alerts.md): the shapes of
 * `/v1/alerts/*`, shared by the backend and the Alerts tab.
 */

/** What a rule watches; each is judged by the definitions of docs/metrics.md. */
export const ALERT_EVENT_TYPES = [
  'instance-unavailable',
  'instance-inactive',
  'install-attempt-failed',
  'license-expiring',
  'versions-behind',
  'instance-first-ready',
] as const;

/** @public */
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

/** The threshold of each event type that has one, and its default. */
export const ALERT_THRESHOLDS: Partial<
  Record<AlertEventType, { unit: string; default: number }>
> = {
  'instance-unavailable': { unit: 'minutes', default: 30 },
  'license-expiring': { unit: 'days', default: 14 },
  'versions-behind': { unit: 'versions', default: 3 },
};

/** Which customers a rule speaks of; an empty list means any. @public */
export interface AlertRuleFilters {
  appSlugs: string[];
  channelSlugs: string[];
  licenseTypes: string[];
  customerIds: string[];
  owners: string[];
}

/** What `PUT /v1/alerts/rules/{ruleId}` takes. @public */
export interface AlertRuleInput {
  name: string;
  eventType: AlertEventType;
  /** Minutes, days or versions (see ALERT_THRESHOLDS); null: the default. */
  threshold: number | null;
  filters: AlertRuleFilters;
  /** User or group entity refs; empty: the customer's owner. */
  recipients: string[];
  enabled: boolean;
}

/** A mute of the whole rule (subject null) or of one subject, until a time. @public */
export interface AlertMute {
  subject: string | null;
  until: string;
  createdBy: string;
}

/** @public */
export interface AlertRule extends AlertRuleInput {
  id: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  mutes: AlertMute[];
}

/** @public */
export interface AlertRuleList {
  items: AlertRule[];
}

/** One notification sent (or refused by the notifications backend). @public */
export interface AlertDelivery {
  ruleId: string;
  ruleName: string;
  eventType: AlertEventType;
  /** The instance, install attempt or customer the alert is about. */
  subject: string;
  customerId: string;
  kind: 'firing' | 'recovered';
  title: string;
  recipients: string[];
  /** The time the condition was judged at (the evaluation's asOf). */
  at: string;
  sentAt: string;
  /** Why the send failed; null when it was sent. */
  error: string | null;
}

/** @public */
export interface AlertDeliveryList {
  items: AlertDelivery[];
}
