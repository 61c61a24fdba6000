import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { flag, optional, parsePage, text, time } from './tolerant';

/** A `KotsChannelRelease`: one release as promoted to a channel. */
const releaseSchema = z
  .object({
    // The ingest's sequences are 32-bit whole numbers.
    channelSequence: z.number().int().nonnegative().max(2147483647),
    semver: optional(text),
    releasedAt: time,
    isDemoted: flag,
  })
  .transform(r => ({
    sequence: r.channelSequence,
    // Channels that do not require semver may leave it empty.
    versionLabel: r.semver ?? String(r.channelSequence),
    promotedAt: r.releasedAt,
    demoted: r.isDemoted ?? false,
  }));

export type VendorRelease = z.output<typeof releaseSchema>;

/**
 * One page of `GET /app/{app_id}/channel/{channel_id}/releases`:
 * `{releases, matchedCount}`.
 */
export function parseReleasePage(answer: unknown, logger: LoggerService) {
  return parsePage(
    answer,
    'releases',
    'matchedCount',
    releaseSchema,
    'channel release',
    logger,
  );
}
