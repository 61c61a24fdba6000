import {
  AdoptionPoint,
  AppAdoption,
} from '@customer-reporting/plugin-customer-reporting-common';

/** A day of adoption with these counts (latest, 1, 2, 3+ behind) and all ready. */
export function adoptionPoint(
  day: string,
  [latest, behind1, behind2, behind3Plus]: number[],
): AdoptionPoint {
  const active = latest + behind1 + behind2 + behind3Plus;
  const share = (n: number) => (active ? n / active : null);
  return {
    start: `${day}T00:00:00.000Z`,
    at: `${day}T23:59:59.999Z`,
    activeInstances: active,
    counts: { latest, behind1, behind2, behind3Plus, unknown: 0 },
    shares: {
      latest: share(latest),
      behind1: share(behind1),
      behind2: share(behind2),
      behind3Plus: share(behind3Plus),
      unknown: share(0),
    },
    statusCounts: {
      ready: active > 0 ? active - 1 : 0,
      updating: 0,
      degraded: active > 0 ? 1 : 0,
      unavailable: 0,
      missing: 0,
      none: 0,
    },
  };
}

/** Two days of nimbus on stable: 2.11.0 reached half in 2 days, 2.12.0 not yet. */
export function adoptionFixture(
  overrides: Partial<AppAdoption> = {},
): AppAdoption {
  return {
    appSlug: 'nimbus',
    channelSlug: null,
    range: '90d',
    bucket: 'day',
    asOf: '2025-06-02T12:00:00.000Z',
    points: [
      adoptionPoint('2025-06-01', [2, 1, 1, 0]),
      adoptionPoint('2025-06-02', [3, 1, 0, 1]),
    ],
    releases: [
      {
        channelSlug: 'stable',
        sequence: 11,
        versionLabel: '2.11.0',
        promotedAt: '2025-05-20T10:00:00.000Z',
        halfReachedAt: '2025-05-22T23:59:59.999Z',
        daysToHalf: 2,
      },
      {
        channelSlug: 'stable',
        sequence: 12,
        versionLabel: '2.12.0',
        promotedAt: '2025-06-02T09:00:00.000Z',
        halfReachedAt: null,
        daysToHalf: null,
      },
    ],
    medianDaysToHalf: 2,
    ...overrides,
  };
}
