import { ReportInstallAttempt } from '@customer-reporting/plugin-customer-reporting-common';
import { installAttemptStatus } from '../metrics/installAttemptStatus';
import { isoTime as iso } from './isoTime';

/**
 * The time of an attempt's latest event up to `asOf`, of any kind (a
 * repeated step too), as the SQL status of the lists and figures counts it:
 * stored when it is not after asOf, joined as `cut_last_at` by the fleet
 * lists when it is; else (the report) the latest of `known`, the steps'
 * first times and the outcomes up to asOf.
 */
function latestEventBy(row: any, asOf: number, known: number[]): number {
  const stored = Number(row.last_event_at);
  if (stored <= asOf) return stored;
  if (row.cut_last_at !== null && row.cut_last_at !== undefined)
    return Number(row.cut_last_at);
  return Math.max(...known);
}

/** An install attempt row as seen from `asOf`. */
export function toReportAttempt(
  row: any,
  asOf: number,
  stalledAfterMs: number,
): ReportInstallAttempt {
  // Seen from asOf: what happened later has not happened yet.
  const until = (value: unknown) =>
    value === null || Number(value) > asOf ? null : Number(value);
  const steps = (
    JSON.parse(row.steps) as { step: string; at: number }[]
  ).filter(s => s.at <= asOf);
  const completedAt = until(row.completed_at);
  const failedAt = until(row.failed_at);
  const discardedAt = until(row.discarded_at);
  const lastEventAt = latestEventBy(row, asOf, [
    ...steps.map(s => s.at),
    failedAt ?? 0,
    discardedAt ?? 0,
    Number(row.started_at),
  ]);
  const startedAt = Number(row.started_at);
  return {
    id: row.id,
    status: installAttemptStatus(
      { completedAt, failedAt, discardedAt, lastEventAt },
      asOf,
      stalledAfterMs,
    ),
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
    durationSeconds:
      completedAt === null
        ? null
        : Math.round((completedAt - startedAt) / 1000),
    failedStep: failedAt === null ? null : row.failed_step ?? null,
    reason: failedAt === null ? null : row.reason ?? null,
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
