import { DateTime } from 'luxon';
import {
  AdoptionCounts,
  AdoptionPoint,
  APP_STATUSES,
  AppAdoption,
} from '@customer-reporting/plugin-customer-reporting-common';
import { formatPercent } from '../format';
import { APP_STATUS_DISPLAY, Tone } from '../shared';

/** A part of one bar of a stacked chart. */
export interface ChartSegment {
  key: string;
  label: string;
  value: number;
  tone: Tone;
}

/** One bar of a stacked chart: a day or a week. */
export interface ChartBar {
  label: string;
  segments: ChartSegment[];
}

/** Versions behind, from the base of a bar up: the healthy share at the bottom. */
export const BEHIND_SEGMENTS: {
  key: keyof AdoptionCounts;
  label: string;
  tone: Tone;
}[] = [
  { key: 'latest', label: 'Latest', tone: 'success' },
  { key: 'behind1', label: '1 behind', tone: 'info' },
  { key: 'behind2', label: '2 behind', tone: 'warning' },
  { key: 'behind3Plus', label: '3+ behind', tone: 'error' },
  { key: 'unknown', label: 'Unknown release', tone: 'neutral' },
];

/** 'Jun 4, 2024': the UTC day of a time. */
export function utcDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).toFormat('LLL d, yyyy');
}

/** 'Jun 4, 2024' for a day, 'Week of Jun 3, 2024' for a week (UTC). */
export function bucketLabel(
  point: AdoptionPoint,
  bucket: AppAdoption['bucket'],
): string {
  const day = utcDate(point.start);
  return bucket === 'week' ? `Week of ${day}` : day;
}

/** Shares of the active instances by versions behind, one bar per bucket. */
export function shareBars(adoption: AppAdoption): ChartBar[] {
  return adoption.points.map(point => ({
    label: bucketLabel(point, adoption.bucket),
    segments: BEHIND_SEGMENTS.map(s => ({
      ...s,
      value: point.shares[s.key] ?? 0,
    })),
  }));
}

/** Active instances by status, one bar per bucket, ready at the base. */
export function statusBars(adoption: AppAdoption): ChartBar[] {
  return adoption.points.map(point => ({
    label: bucketLabel(point, adoption.bucket),
    segments: [
      ...[...APP_STATUSES].reverse().map(status => ({
        key: status,
        label: APP_STATUS_DISPLAY[status].label,
        tone: APP_STATUS_DISPLAY[status].tone,
        value: point.statusCounts[status],
      })),
      {
        key: 'none',
        label: 'No status',
        tone: 'neutral' as const,
        value: point.statusCounts.none,
      },
    ],
  }));
}

/** 'Latest 60%, 1 behind 20%, …' of one point; 'No active instances' without any. */
export function describeShares(point: AdoptionPoint): string {
  if (point.activeInstances === 0) return 'No active instances';
  return BEHIND_SEGMENTS.filter(
    s => s.key !== 'unknown' || point.counts.unknown,
  )
    .map(s => `${s.label} ${formatPercent(point.shares[s.key] ?? 0)}`)
    .join(', ');
}

/** '2 days', '1 day', '4.5 days' (a median may fall between two releases). */
export function formatDays(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return `${rounded} day${rounded === 1 ? '' : 's'}`;
}
