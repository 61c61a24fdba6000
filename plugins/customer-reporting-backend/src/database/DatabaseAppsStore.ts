import { Knex } from 'knex';
import { chunk } from './chunk';
import { IngestedApp } from '../ingest/ingestTypes';
import { toIso } from './time';

export interface StoredApp {
  slug: string;
  name: string;
  channels: {
    slug: string;
    name: string;
    releases: { sequence: number; versionLabel: string; promotedAt: string }[];
  }[];
}

/** Apps with their channels and releases. A PUT replaces the whole app. */
export class DatabaseAppsStore {
  constructor(private readonly db: Knex) {}

  async upsertApp(slug: string, app: IngestedApp, now: number): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('apps')
        .insert({ slug, name: app.name, updated_at: now })
        .onConflict('slug')
        .merge(['name', 'updated_at']);
      await tx('releases').where({ app_slug: slug }).delete();
      await tx('channels').where({ app_slug: slug }).delete();
      await tx('channels').insert(
        app.channels.map(c => ({ app_slug: slug, slug: c.slug, name: c.name })),
      );
      const releases = app.channels.flatMap(c =>
        c.releases.map(r => ({
          app_slug: slug,
          channel_slug: c.slug,
          sequence: r.sequence,
          version_label: r.versionLabel,
          promoted_at: r.promotedAt,
        })),
      );
      for (const part of chunk(releases, 200)) {
        await tx('releases').insert(part);
      }
    });
  }

  async getApp(slug: string): Promise<StoredApp | undefined> {
    const app = await this.db('apps').where({ slug }).first();
    if (!app) return undefined;
    const channels = await this.db('channels')
      .where({ app_slug: slug })
      .orderBy('slug');
    const releases = await this.db('releases')
      .where({ app_slug: slug })
      .orderBy([{ column: 'channel_slug' }, { column: 'sequence' }]);
    return {
      slug,
      name: app.name,
      channels: channels.map(c => ({
        slug: c.slug,
        name: c.name,
        releases: releases
          .filter(r => r.channel_slug === c.slug)
          .map(r => ({
            sequence: Number(r.sequence),
            versionLabel: r.version_label,
            promotedAt: toIso(r.promoted_at)!,
          })),
      })),
    };
  }

  async appExists(slug: string): Promise<boolean> {
    return Boolean(await this.db('apps').where({ slug }).first('slug'));
  }

  async channelExists(appSlug: string, channelSlug: string): Promise<boolean> {
    const row = await this.db('channels')
      .where({ app_slug: appSlug, slug: channelSlug })
      .first();
    return Boolean(row);
  }
}
