import { AppInput } from '@customer-reporting/plugin-customer-reporting-common';
import { cut, toSlug } from './fit';
import { VendorApp } from './parseApps';
import { VendorCustomer } from './parseCustomers';
import { VendorRelease } from './parseReleases';

/** Where customers without a channel go; Replicated always sets one, but data varies. */
export const FALLBACK_CHANNEL = { slug: 'unassigned', name: 'No channel' };

/** The channel slug of a customer, resolved against the app's channels. */
export function customerChannelSlug(
  customer: VendorCustomer,
  channelSlugById: Map<string, string>,
): string {
  const channel = customer.channel;
  return (
    (channel?.id && channelSlugById.get(channel.id)) ||
    (channel?.slug && toSlug(channel.slug)) ||
    (channel?.name && toSlug(channel.name)) ||
    FALLBACK_CHANNEL.slug
  );
}

/**
 * The app as `PUT /v1/apps/{slug}` takes it. Channels are the app's, each
 * with its release history (channel sequence, semver, released at), plus any
 * a customer is on that the app listing lacks (an archived channel, say), so
 * every customer's channel exists. Releases after `now` (clock skew) are
 * left out: the portal refuses times in the future.
 */
export function mapApp(
  app: VendorApp,
  customers: VendorCustomer[],
  releasesByChannelId: Map<string, VendorRelease[]>,
  now: number,
): { body: AppInput; channelSlugById: Map<string, string> } {
  const channelSlugById = new Map<string, string>();
  const channels = new Map<string, AppInput['channels'][number]>();
  for (const channel of app.channels) {
    const slug = toSlug(channel.slug ?? channel.name);
    if (!slug) continue;
    channelSlugById.set(channel.id, slug);
    if (channels.has(slug)) continue;
    const releases = new Map<
      number,
      AppInput['channels'][number]['releases'][number]
    >();
    for (const release of releasesByChannelId.get(channel.id) ?? []) {
      if (release.promotedAt > now || releases.has(release.sequence)) continue;
      releases.set(release.sequence, {
        sequence: release.sequence,
        versionLabel: cut(release.versionLabel, 100, String(release.sequence)),
        promotedAt: new Date(release.promotedAt).toISOString(),
      });
    }
    channels.set(slug, {
      slug,
      name: cut(channel.name, 255, slug),
      releases: [...releases.values()].sort((a, b) => a.sequence - b.sequence),
    });
  }
  for (const customer of customers) {
    const slug = customerChannelSlug(customer, channelSlugById);
    // So that instances reporting that channel's id (version history,
    // channel events) are placed on it, not left without a channel.
    const id = customer.channel?.id;
    if (id && !channelSlugById.has(id)) channelSlugById.set(id, slug);
    if (channels.has(slug)) continue;
    const name =
      slug === FALLBACK_CHANNEL.slug
        ? FALLBACK_CHANNEL.name
        : customer.channel?.name ?? slug;
    channels.set(slug, { slug, name: cut(name, 255, slug), releases: [] });
  }
  if (channels.size === 0) {
    channels.set(FALLBACK_CHANNEL.slug, { ...FALLBACK_CHANNEL, releases: [] });
  }
  return {
    body: {
      name: cut(app.name, 255, app.slug),
      channels: [...channels.values()],
    },
    channelSlugById,
  };
}
