import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import { entries, id, listIn, optional, parseEach, text } from './tolerant';

/** A `Channel` of an app, as `GET /apps` lists it. */
const channelSchema = z
  .object({ id, name: text, channelSlug: optional(text) })
  .transform(c => ({ id: c.id, name: c.name, slug: c.channelSlug }));

export type VendorChannel = z.output<typeof channelSchema>;

/** An `AppWithChannels`. */
const appSchema = z.object({
  id,
  slug: text,
  name: text,
  channels: entries(channelSchema),
});

/** A Replicated app with its channels. */
export type VendorApp = z.output<typeof appSchema>;

/** `GET /apps` → listAppsResponse `{apps: [AppWithChannels]}`. */
export function parseApps(
  answer: unknown,
  logger: LoggerService,
): { apps: VendorApp[]; skipped: number } {
  const { items, skipped } = parseEach(
    listIn(answer, 'apps'),
    appSchema,
    'app',
    logger,
  );
  return { apps: items, skipped };
}
