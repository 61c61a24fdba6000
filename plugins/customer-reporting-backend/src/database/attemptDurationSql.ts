/*
 * An install attempt's duration in SQL, over the columns of filteredAttempts
 * (installAttemptQuery.ts), for the list's sort and the audit's percentiles;
 * report/attemptView.ts computes the same for one attempt. Duration =
 * completed − started (domain §7): only a succeeded attempt whose started
 * event is known has one. A filtered attempt's started event is by asOf:
 * its started_at is that event's, at most asOf.
 */

/** Whether the attempt has a duration. */
export const TIMED_ATTEMPT_SQL = `status = 'succeeded' and started_event_at is not null`;

/** A timed attempt's duration, in milliseconds. */
export const ATTEMPT_DURATION_MS_SQL = 'completed_at - started_event_at';
