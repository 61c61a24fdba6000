/**
 * Alert rules (docs/alerts.md): what the Alerts tab and the backend share
 * besides the answers' types, which are generated from the spec.
 */
import { AlertEventType, AlertEventTypeValues } from './generated';

/** What a rule watches; each is judged by the definitions of docs/metrics.md. */
export const ALERT_EVENT_TYPES = AlertEventTypeValues;

/**
 * The notification topic of an alert of the event type (users can mute a
 * topic in their notification settings). @public
 */
export function alertNotificationTopic(eventType: AlertEventType): string {
  return `customer-reporting:${eventType}`;
}

/** The threshold of each event type that has one, and its default. */
export const ALERT_THRESHOLDS: Partial<
  Record<AlertEventType, { unit: string; default: number }>
> = {
  'instance-unavailable': { unit: 'minutes', default: 30 },
  'license-expiring': { unit: 'days', default: 14 },
  'versions-behind': { unit: 'versions', default: 3 },
};
