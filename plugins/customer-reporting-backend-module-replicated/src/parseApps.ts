import { LoggerService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import {
  id,
  listIn,
  optional,
  optionalTime,
  parseEach,
  record,
  text,
} from './tolerant';

const channelSchema = record({
  id,
  name: text,
  channelslug: optional(text),
  releasesequence: optional(z.number().int().nonnegative()),
  currentversion: optional(text),
  updated: optionalTime,
}).transform(c => ({
  id: c.id,
  name: c.name,
  slug: c.channelslug,
  releaseSequence: c.releasesequence,
  currentVersion: c.currentversion,
  updatedAt: c.updated,
}));

/** A channel of a Replicated app, as `GET /apps` lists it. */
export type VendorChannel = z.output<typeof channelSchema>;

const appSchema = record({
  id,
  slug: text,
  name: text,
  channels: optional(z.array(z.unknown())),
});

/** A Replicated app with its channels. */
export interface VendorApp {
  id: string;
  slug: string;
  name: string;
  channels: VendorChannel[];
}

/** `GET /apps` → `{apps: [{id, slug, name, channels: [...]}]}`. */
export function parseApps(
  answer: unknown,
  logger: LoggerService,
): { apps: VendorApp[]; skipped: number } {
  const apps = parseEach(listIn(answer, 'apps'), appSchema, 'app', logger);
  let skipped = apps.skipped;
  const parsed = apps.items.map(app => {
    const channels = parseEach(
      app.channels ?? [],
      channelSchema,
      `channel of app ${app.slug}`,
      logger,
    );
    skipped += channels.skipped;
    return { ...app, channels: channels.items };
  });
  return { apps: parsed, skipped };
}
