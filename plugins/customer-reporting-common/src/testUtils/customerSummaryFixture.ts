import { CustomerSummary } from '../generated';

/** A customer list row: one ready, active online instance, Paid on Stable. */
export function customerSummaryFixture(
  overrides: Partial<CustomerSummary> = {},
): CustomerSummary {
  return {
    id: 'cus_1',
    name: 'Acme',
    email: null,
    customId: null,
    owner: null,
    appSlug: 'app-a',
    channelSlug: 'stable',
    channelName: 'Stable',
    licenseType: 'paid',
    licenseTypeLabel: 'Paid',
    createdAt: '2025-01-01T00:00:00Z',
    expiresAt: null,
    archived: false,
    expired: false,
    expiringSoon: false,
    active: true,
    status: 'ready',
    statusCounts: {
      missing: 0,
      unavailable: 0,
      degraded: 0,
      updating: 0,
      ready: 1,
    },
    activeInstances: 1,
    airgapInstances: 0,
    lastActiveAt: null,
    timeToInstallSeconds: 5400,
    ...overrides,
  };
}
