import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEvents, VendorInstanceEvent } from './parseEvents';
import { SyncCounts } from './syncCounts';
import { VendorApiClient } from './VendorApiClient';

/** Customer ids per events request, to keep URLs short. */
const IDS_PER_REQUEST = 50;
/**
 * The events route does not page; it answers everything in the window at
 * once. Windows of this length keep each answer bounded.
 */
export const EVENT_WINDOW_MS = 30 * 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Instance events of the given customers reported after `after` and up to
 * `before` (epoch ms), window by window with the `customerIds` filter.
 */
export async function pullEvents(options: {
  client: VendorApiClient;
  appId: string;
  customerIds: string[];
  after: number;
  before: number;
  logger: LoggerService;
  counts: SyncCounts;
}): Promise<VendorInstanceEvent[]> {
  const { client, appId, customerIds, logger, counts } = options;
  const events: VendorInstanceEvent[] = [];
  for (let i = 0; i < customerIds.length; i += IDS_PER_REQUEST) {
    const ids = customerIds.slice(i, i + IDS_PER_REQUEST);
    for (let from = options.after; from < options.before; ) {
      const to = Math.min(from + EVENT_WINDOW_MS, options.before);
      const answer = await client.listEvents(appId, {
        customerIds: ids,
        after: iso(from),
        before: iso(to),
      });
      const parsed = parseEvents(answer, logger);
      counts.add('skipped', parsed.skipped);
      events.push(...parsed.events);
      from = to;
    }
  }
  return events;
}
