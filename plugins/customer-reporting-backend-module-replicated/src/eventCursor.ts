import { LoggerService } from '@backstage/backend-plugin-api';

/** Events are asked again from this long before the cursor (late arrivals). */
const OVERLAP_MS = 3_600_000;

/**
 * Where the incremental event sync stands: per app slug, the end (ISO time)
 * of the event window of the last successful sync. The scheduler stores it
 * with the source's status, so restarts and other replicas resume from it.
 */
export type EventCursor = Record<string, string>;

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
            typeof entry[1] === 'string' && !Number.isNaN(Date.parse(entry[1])),
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
 * The time (epoch ms) to ask events after: an hour before the cursor (the
 * overlap is harmless because check-ins are deduplicated by instance and
 * time), never before the oldest check-in the portal keeps.
 */
export function eventsAfter(cursor: string | undefined, oldest: number) {
  if (!cursor) return oldest;
  return Math.max(oldest, Date.parse(cursor) - OVERLAP_MS);
}
