import { AppStatus } from '@customer-reporting/plugin-customer-reporting-common';
import { Tone, ToneChip } from './ToneChip';

/**
 * Label and tone per application status, the one mapping of status to
 * colour for chips, filters and charts. A Record (rather than a switch)
 * makes the compiler flag any status added to APP_STATUSES later. Missing
 * (no resources at all) is a darker red than Unavailable so the two stay
 * apart where they sit side by side, as in the adoption status chart.
 */
export const APP_STATUS_DISPLAY: Record<
  AppStatus,
  { label: string; tone: Tone }
> = {
  ready: { label: 'Ready', tone: 'success' },
  updating: { label: 'Updating', tone: 'info' },
  degraded: { label: 'Degraded', tone: 'warning' },
  unavailable: { label: 'Unavailable', tone: 'error' },
  missing: { label: 'Missing', tone: 'critical' },
};

/** Status of an instance; null when it never reported one. */
export function AppStatusChip(props: { status: AppStatus | null }) {
  const { status } = props;
  const { label, tone } = status
    ? APP_STATUS_DISPLAY[status]
    : { label: 'Unknown', tone: 'neutral' as const };
  return <ToneChip label={label} tone={tone} ariaLabel={`Status: ${label}`} />;
}
