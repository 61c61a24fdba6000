import { fixtures } from './__fixtures__';
import { NOW, testLogger } from './__testUtils__/fakeVendorApi';
import { parsedCustomer, parsedNimbus } from './__testUtils__/parsedFixtures';
import { customerChannelSlug, mapApp } from './mapApp';
import { mapCustomer } from './mapCustomer';
import { parseReleasePage } from './parseReleases';

const target = { appSlug: 'nimbus', channelSlug: 'stable' };

describe('mapCustomer', () => {
  it('maps every field of a customer; license type prod is Paid', () => {
    const { customer } = parsedCustomer('acme');
    expect(mapCustomer(customer, target, NOW)).toEqual({
      body: {
        name: 'Acme Corp',
        appSlug: 'nimbus',
        channelSlug: 'stable',
        email: 'ops@acme.example.com',
        customId: 'SF-00042',
        licenseType: 'paid',
        licenseId: '2jAcmeLicQ1w2e3r4t5y6u7i8o9',
        createdAt: '2024-03-01T09:00:00.000Z',
        expiresAt: '2025-03-01T00:00:00.000Z',
        archived: false,
        features: {
          gitops: false,
          airgap: true,
          identity: true,
          snapshots: true,
          helmInstall: true,
          kotsInstall: true,
          kurlInstall: true,
          embeddedClusterDownload: false,
          supportBundleUpload: true,
        },
        enterprisePortalEnabled: true,
        customFields: [
          { name: 'seat_count', value: '250' },
          { name: 'tier', value: 'enterprise' },
        ],
      },
    });
  });

  it("reads Go's zero time as no expiry", () => {
    const { customer } = parsedCustomer('initech');
    expect(mapCustomer(customer, target, NOW)).toEqual({
      body: expect.objectContaining({
        licenseType: 'community',
        expiresAt: null,
        enterprisePortalEnabled: false,
        downloadPortalUrl: 'https://get.nimbus.example.com/initech-7h2k1',
      }),
    });
  });

  it('skips a customer whose license type the portal does not know', () => {
    const { customer } = parsedCustomer('acme');
    expect(
      mapCustomer({ ...customer, licenseType: 'internal' }, target, NOW),
    ).toEqual({ skip: 'unknown license type internal' });
  });
});

describe('mapApp', () => {
  it("takes each channel's release history, and the customer's own default channel (is_default_for_customer), not the app's (isDefault)", () => {
    const hooli = parsedCustomer('hooli').customer;
    const { app } = parsedNimbus();
    const releases = new Map(
      Object.entries(fixtures.releases).map(([channelId, items]) => [
        channelId,
        parseReleasePage({ releases: items }, testLogger()).items,
      ]),
    );
    const { body, channelSlugById } = mapApp(app, [hooli], releases, NOW);
    expect(body.channels.map(c => c.slug)).toEqual([
      'stable',
      'beta',
      'lts-2-1',
      // Hooli's channel is not in the app listing (archived).
      'edge',
    ]);
    expect(body.channels[0].releases).toEqual([
      {
        sequence: 36,
        versionLabel: '2.1.0',
        promotedAt: '2024-02-01T09:00:00.000Z',
      },
      {
        sequence: 38,
        versionLabel: '2.2.0',
        promotedAt: '2024-03-05T09:00:00.000Z',
      },
      {
        sequence: 40,
        versionLabel: '2.2.1',
        promotedAt: '2024-04-20T09:00:00.000Z',
      },
      {
        sequence: 41,
        versionLabel: '2.3.0',
        promotedAt: '2024-06-01T09:00:00.000Z',
      },
      {
        sequence: 42,
        versionLabel: '2.3.1',
        promotedAt: '2024-06-20T10:15:00.000Z',
      },
    ]);
    expect(body.channels[3]).toEqual({
      slug: 'edge',
      name: 'Edge',
      releases: [],
    });
    expect(customerChannelSlug(hooli, channelSlugById)).toBe('edge');
    // Its id maps to it too, for instances that report it.
    expect(channelSlugById.get('2hZtR1eEdgeArchived5Gh7Jk9L')).toBe('edge');
    // Releases promoted after now are not sent.
    const early = mapApp(app, [], releases, Date.parse('2024-06-05T00:00:00Z'));
    expect(early.body.channels[0].releases.map(r => r.versionLabel)).toEqual([
      '2.1.0',
      '2.2.0',
      '2.2.1',
      '2.3.0',
    ]);
  });
});
