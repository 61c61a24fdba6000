import { NOW } from './__testUtils__/fakeVendorApi';
import { parsedCustomer, parsedNimbus } from './__testUtils__/parsedFixtures';
import { customerChannelSlug } from './mapApp';
import { mapCustomer } from './mapCustomer';

const target = {
  appSlug: 'nimbus',
  channelSlug: 'stable',
  enterprisePortal: false,
};

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

  it('reads snake_case flags, and enables the Enterprise Portal when attempts exist', () => {
    const { customer } = parsedCustomer('globex');
    const mapped = mapCustomer(
      customer,
      { ...target, enterprisePortal: true },
      NOW,
    );
    expect(mapped).toEqual({
      body: expect.objectContaining({
        licenseType: 'trial',
        customId: undefined,
        features: expect.objectContaining({
          gitops: true,
          helmInstall: true,
          airgap: false,
        }),
        enterprisePortalEnabled: true,
        customFields: [],
      }),
    });
  });

  it('falls back to the customer id as license id and keeps no expiry as null', () => {
    const { customer } = parsedCustomer('initech');
    const mapped = mapCustomer(customer, target, NOW);
    expect(mapped).toEqual({
      body: expect.objectContaining({
        licenseType: 'dev',
        licenseId: customer.id,
        expiresAt: null,
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
  it('takes the channels with their current release and adds channels only customers name', () => {
    const hooli = parsedCustomer('hooli').customer;
    const { body, channelSlugById } = parsedNimbus([hooli]);
    expect(body).toEqual({
      name: 'Nimbus Platform',
      channels: [
        {
          slug: 'stable',
          name: 'Stable',
          releases: [
            {
              sequence: 42,
              versionLabel: '2.3.1',
              promotedAt: '2024-06-20T10:15:00.000Z',
            },
          ],
        },
        {
          slug: 'beta',
          name: 'Beta',
          releases: [
            {
              sequence: 45,
              versionLabel: '2.4.0-beta.2',
              promotedAt: '2024-06-28T08:00:00.000Z',
            },
          ],
        },
        {
          slug: 'lts-2-1',
          name: 'LTS 2.1',
          releases: [
            {
              sequence: 31,
              versionLabel: '2.1.7',
              promotedAt: '2024-05-02T12:00:00.000Z',
            },
          ],
        },
        // Hooli's channel is not in the app listing (archived).
        { slug: 'edge', name: 'Edge', releases: [] },
      ],
    });
    expect(customerChannelSlug(hooli, channelSlugById)).toBe('edge');
    expect(channelSlugById.get('2hZtR1bK4xBetaQw8Rt5Yu1Io0P')).toBe('beta');
  });
});
