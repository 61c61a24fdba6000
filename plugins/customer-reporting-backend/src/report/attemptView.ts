import { ReportInstallAttempt } from '@customer-reporting/plugin-customer-reporting-common';
import { toNumber } from '../database/time';
import { installAttemptStatus } from '../metrics/installAttemptStatus';
import { attemptDurationSeconds } from '../metrics/installAttemptDuration';
import { isoTime as iso } from './isoTime';

/**
 * An install attempt row as it was at `asOf` (database/attemptRowsAsOf.ts
 * summarises one cut short by asOf again from its events up to then), as
 * the report and the lists show it; the stalled rule is judged at asOf.
 */
export function toReportAttempt(
  row: any,
  asOf: number,
  stalledAfterMs: number,
): ReportInstallAttempt {
  const steps = JSON.parse(row.steps) as { step: string; at: number }[];
  const completedAt = toNumber(row.completed_at);
  const failedAt = toNumber(row.failed_at);
  const discardedAt = toNumber(row.discarded_at);
  // The latest event of any kind, a repeated step too, as the SQL status
  // of the lists' filters and figures counts it.
  const lastEventAt = Number(row.last_event_at);
  const startedAt = Number(row.started_at);
  // Unknown until the started event is, however early another event of
  // the attempt came.
  const startedEventAt = toNumber(row.started_event_at);
  const status = installAttemptStatus(
    { completedAt, failedAt, discardedAt, lastEventAt },
    asOf,
    stalledAfterMs,
  );
  // Only a failed attempt has a failure to show: one that completed after
  // all (completion wins, domain §7) did not fail at a step.
  const failed = status === 'failed';
  return {
    id: row.id,
    status,
    installType: row.install_type ?? null,
    startedAt: iso(startedAt)!,
    userEmail: row.user_email ?? null,
    appVersion: row.app_version ?? null,
    environment: {
      k8sDistribution: row.k8s_distribution ?? null,
      os: row.os ?? null,
      osVersion: row.os_version ?? null,
    },
    networkMode: row.network_mode ?? null,
    registry: row.registry ?? null,
    durationSeconds: attemptDurationSeconds(startedEventAt, completedAt),
    failedStep: failed ? row.failed_step ?? null : null,
    reason: failed ? row.reason ?? null : null,
    steps: steps.map(s => ({ step: s.step, at: iso(s.at)! })),
  };
}

/** An attempt of the fleet-wide list: the report's view plus its customer. */
export function toListedAttempt(
  row: any,
  asOf: number,
  stalledAfterMs: number,
) {
  return {
    ...toReportAttempt(row, asOf, stalledAfterMs),
    customer: {
      id: row.customer_id as string,
      name: row.customer_name as string,
      appSlug: row.app_slug as string,
      channelSlug: row.channel_slug as string,
    },
  };
}
