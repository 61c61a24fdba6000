import { InstallAttemptStatus } from '@customer-reporting/plugin-customer-reporting-common';

/** Default of the stalled rule: no new step for this long. */
export const DEFAULT_STALLED_AFTER_MS = 60 * 60 * 1000;

/**
 * Completed wins over a failure reported after it, a failure over a discard;
 * otherwise the attempt is stalled once no step came for `stalledAfterMs`.
 */
export function installAttemptStatus(
  attempt: {
    completedAt: number | null;
    failedAt: number | null;
    discardedAt: number | null;
    lastEventAt: number;
  },
  now: number,
  stalledAfterMs: number = DEFAULT_STALLED_AFTER_MS,
): InstallAttemptStatus {
  if (attempt.completedAt !== null) return 'succeeded';
  if (attempt.failedAt !== null) return 'failed';
  if (attempt.discardedAt !== null) return 'discarded';
  return now - attempt.lastEventAt >= stalledAfterMs
    ? 'stalled'
    : 'in-progress';
}
