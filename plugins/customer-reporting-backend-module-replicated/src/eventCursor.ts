import { LoggerService } from '@backstage/backend-plugin-api';

/** Events are asked again from this long before the cursor (late arrivals). */
const OVERLAP_MS = 3_600_000;

/**
 * Where one app's incremental event sync stands: the end (ISO time) of the
 * event window of its last successful sync, and the customers whose events
 * that sync stored. A customer not among them (new to the sync, or left
 * out of the last run: refused, malformed, a test customer before
 * `includeTest`) has its events pulled from the retention limit, since
 * those before the cursor were never stored.
 */
export interface AppEventCursor {
  at: string;
  customers: string[];
}

/**
 * Per app slug, the {@link AppEventCursor}. The scheduler stores it with the
 * source's status, so restarts and other replicas resume from it.
 */
export type EventCursor = Record<string, AppEventCursor>;

function isAppEventCursor(value: unknown): value is AppEventCursor {
  const v = value as AppEventCursor;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.at === 'string' &&
    !Number.isNaN(Date.parse(v.at)) &&
    Array.isArray(v.customers) &&
    v.customers.every(id => typeof id === 'string')
  );
}

/**
 * The stored cursor; an unreadable one is logged and read as empty (a full
 * pull), as is an app's entry in an older form (a time alone, which did not
 * say whose events were stored).
 */
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
          (entry): entry is [string, AppEventCursor] =>
            isAppEventCursor(entry[1]),
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
