import {
  ALERT_THRESHOLDS,
  AlertEventType,
  AlertRule,
} from '@customer-reporting/plugin-customer-reporting-common';

/** What each event type means, as the rule list and form say it. */
export const EVENT_TYPE_LABELS: Record<AlertEventType, string> = {
  'instance-unavailable': 'Instance unavailable or missing',
  'instance-inactive': 'Online instance became inactive (24 h)',
  'install-attempt-failed': 'Install attempt stalled or failed',
  'license-expiring': 'License expires soon',
  'versions-behind': 'Active instances versions behind',
  'instance-first-ready': 'New instance ready for the first time',
};

/** `for 30 minutes (default)`, `within 7 days`, or '' for types without one. */
export function describeThreshold(
  eventType: AlertEventType,
  threshold: number | null,
): string {
  const spec = ALERT_THRESHOLDS[eventType];
  if (!spec) return '';
  const value = threshold ?? spec.default;
  const suffix = threshold === null ? ' (default)' : '';
  return `${value} ${spec.unit}${suffix}`;
}

const FILTER_LABELS: [keyof AlertRule['filters'], string][] = [
  ['appSlugs', 'app'],
  ['channelSlugs', 'channel'],
  ['licenseTypes', 'license'],
  ['customerIds', 'customer'],
  ['owners', 'owner'],
];

/**
 * `app: a, b · license: paid`, or `All customers` (a rule's or a form's);
 * `hiddenCustomerIds` are the rule's customers the viewer may not read,
 * counted so that a rule naming only those does not read as every customer.
 */
export function describeFilters(
  filters: AlertRule['filters'],
  hiddenCustomerIds = 0,
): string {
  const hidden = hiddenCustomerIds > 0 ? [`${hiddenCustomerIds} hidden`] : [];
  const parts = FILTER_LABELS.filter(
    ([key]) =>
      filters[key].length > 0 || (key === 'customerIds' && hidden.length > 0),
  ).map(([key, label]) => {
    const values =
      key === 'customerIds' ? [...filters[key], ...hidden] : filters[key];
    return `${label}: ${values.join(', ')}`;
  });
  return parts.length > 0 ? parts.join(' · ') : 'All customers';
}

/**
 * Which customers a rule's named recipients hear of: those its last saver
 * may read (docs/alerts.md); '' for a rule that tells each customer's owner.
 */
export function describeRecipientReads(rule: AlertRule): string {
  if (rule.recipients.length === 0) return '';
  const bound = rule.recipientsReadAs;
  if (!bound)
    return 'Told of every matching customer: saved before the reads of its saver were kept; saving it limits them to yours';
  const { by, reads } = bound;
  if (reads === 'all')
    return `Told of every matching customer (${by} reads all)`;
  if (reads === 'none') return `Told of no customer: ${by} may read none`;
  return `Told only of customers ${by} may read`;
}

/** The whole-rule mute in force at `now`, if any. */
export function ruleMute(rule: AlertRule, now: number) {
  return rule.mutes.find(m => m.subject === null && Date.parse(m.until) > now);
}

/** The mutes of single subjects in force at `now`. */
export function subjectMutes(rule: AlertRule, now: number) {
  return rule.mutes.filter(
    (m): m is typeof m & { subject: string } =>
      m.subject !== null && Date.parse(m.until) > now,
  );
}

/** `a, b ,c` → `['a', 'b', 'c']`: the form's list fields. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map(part => part.trim())
    .filter(part => part.length > 0);
}
