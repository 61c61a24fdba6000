/**
 * Observation spans: maximal runs of check-ins at most `maxGapMs` apart.
 * A moment is observed when the latest check-in at or before it is at most
 * 24 h old, so a span [start, last] is observed from start to last + 24 h.
 */
export interface ObservationSpan {
  start: number;
  last: number;
}

/** The 24 h observation rule of the domain. */
export const OBSERVATION_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Merges new check-in times into existing spans. The result does not depend
 * on the order in which times arrive.
 */
export function mergeObservationSpans(
  spans: readonly ObservationSpan[],
  times: readonly number[],
  maxGapMs: number = OBSERVATION_WINDOW_MS,
): ObservationSpan[] {
  const intervals = [
    ...spans.map(s => ({ start: s.start, last: s.last })),
    ...times.map(t => ({ start: t, last: t })),
  ].sort((a, b) => a.start - b.start || a.last - b.last);
  const merged: ObservationSpan[] = [];
  for (const interval of intervals) {
    const current = merged[merged.length - 1];
    if (current && interval.start - current.last <= maxGapMs) {
      current.last = Math.max(current.last, interval.last);
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}
