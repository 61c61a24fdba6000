import { LoggerService } from '@backstage/backend-plugin-api';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Where the incremental event sync stands: per app slug, the UTC date of the
 * last successful sync. The scheduler stores it with the source's status, so
 * restarts and other replicas resume from it.
 */
export type EventCursor = Record<string, string>;

export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The stored cursor; an unreadable one is logged and read as empty (a full pull). */
export function readEventCursor(
  raw: string | undefined,
  logger: LoggerService,
): EventCursor {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(
        Object.entries(parsed).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && DATE.test(entry[1]),
        ),
      );
    }
  } catch {
    // Logged below.
  }
  logger.warn(`Ignoring an unreadable event cursor: ${raw.slice(0, 100)}`);
  return {};
}

/**
 * The `after` date to ask events for: the day before the cursor (the API's
 * date filter is coarse, and the overlap is harmless because check-ins are
 * deduplicated by instance and time), never before the oldest kept day.
 */
export function eventsAfter(cursorDate: string | undefined, oldest: number) {
  const floor = utcDate(oldest);
  if (!cursorDate) return floor;
  const dayBefore = utcDate(Date.parse(`${cursorDate}T00:00:00Z`) - DAY_MS);
  return dayBefore > floor ? dayBefore : floor;
}
