/*
 * An install attempt's duration in SQL, over the columns of filteredAttempts
 * (installAttemptQuery.ts), for the list's sort and the audit's percentiles;
 * metrics/installAttemptDuration.ts is the same rule for one attempt.
 * Duration = completed − started (domain §7): only a succeeded attempt
 * whose started event is known has one, and only when that event is not
 * stamped after the completion (clocks that disagree: a negative install
 * time cannot be measured). Succeeded means completed by asOf, so a started
 * event at or before the completion is known by asOf too.
 */

/** Whether the attempt has a duration. */
export const TIMED_ATTEMPT_SQL = `status = 'succeeded' and started_event_at is not null and started_event_at <= completed_at`;

/** A timed attempt's duration, in milliseconds. */
export const ATTEMPT_DURATION_MS_SQL = 'completed_at - started_event_at';
