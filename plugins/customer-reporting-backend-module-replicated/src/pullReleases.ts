import { LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { VendorApp } from './parseApps';
import { parseReleasePage, VendorRelease } from './parseReleases';
import { PAGE_SIZE, pullPages } from './pullPages';
import { SyncCounts } from './syncCounts';
import { VendorApiClient } from './VendorApiClient';

/**
 * The release history of every channel of the app, by channel id: what
 * versions behind and version age are computed from. Demoted releases are
 * left out: they are no longer offered on the channel, so an instance is
 * not behind them. A channel the API no longer finds (404) has none.
 */
export async function pullReleases(options: {
  client: VendorApiClient;
  app: VendorApp;
  logger: LoggerService;
  counts: SyncCounts;
}): Promise<Map<string, VendorRelease[]>> {
  const { client, app, logger, counts } = options;
  const releases = new Map<string, VendorRelease[]>();
  for (const channel of app.channels) {
    try {
      const history = await pullPages(async currentPage => {
        const page = parseReleasePage(
          await client.listChannelReleases(app.id, channel.id, {
            currentPage,
            pageSize: PAGE_SIZE,
          }),
          logger,
        );
        counts.add('skipped', page.skipped);
        return page;
      });
      releases.set(
        channel.id,
        history.filter(release => !release.demoted),
      );
    } catch (error) {
      if (!(error instanceof ResponseError && error.statusCode === 404)) {
        throw error;
      }
      logger.warn(`No releases of channel ${channel.id}: ${error.message}`);
    }
  }
  return releases;
}
