/**
 * An install attempt's duration in seconds: completed − started (domain
 * §7); database/attemptDurationSql.ts is the same rule in SQL. Null while
 * either event is unknown, and when the `started` event is stamped after
 * the completion: the two came from machines whose clocks disagree, and a
 * negative install time is never right, so the duration cannot be measured
 * (docs/metrics.md). A start and completion at the same moment take 0 s.
 */
export function attemptDurationSeconds(
  startedEventAt: number | null,
  completedAt: number | null,
): number | null {
  if (startedEventAt === null || completedAt === null) return null;
  if (startedEventAt > completedAt) return null;
  return Math.round((completedAt - startedEventAt) / 1000);
}
