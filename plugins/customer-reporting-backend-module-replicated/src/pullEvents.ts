import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEventPage, VendorInstanceEvent } from './parseEvents';
import { pullPages } from './pullPages';
import { SyncCounts } from './syncCounts';
import { VendorApiClient } from './VendorApiClient';

/** Customer ids per events request, to keep URLs short. */
const IDS_PER_REQUEST = 50;

/**
 * Instance events of the given customers since `after` (a UTC date). The
 * API requires a filter; the customer ids are always one.
 */
export async function pullEvents(options: {
  client: VendorApiClient;
  appId: string;
  customerIds: string[];
  after: string;
  logger: LoggerService;
  counts: SyncCounts;
}): Promise<VendorInstanceEvent[]> {
  const { client, appId, customerIds, after, logger, counts } = options;
  const events: VendorInstanceEvent[] = [];
  for (let i = 0; i < customerIds.length; i += IDS_PER_REQUEST) {
    const ids = customerIds.slice(i, i + IDS_PER_REQUEST);
    events.push(
      ...(await pullPages(async currentPage => {
        const page = parseEventPage(
          await client.listEvents(appId, {
            after,
            customerIds: ids,
            currentPage,
          }),
          logger,
        );
        counts.add('skipped', page.skipped);
        return page;
      }, 'stop')),
    );
  }
  return events;
}
