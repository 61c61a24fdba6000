import { InstallAttemptList } from '@customer-reporting/plugin-customer-reporting-common';
import { attemptFixture } from '../../__testUtils__';
import { CustomerReportingApi } from '../../api';
import type {
  InstallAttemptFailureGroups,
  InstallAttemptFunnel,
  InstallAttemptSummary,
  InstallAttemptTrend,
  TimeToInstallStats,
} from '@customer-reporting/plugin-customer-reporting-common';

/** Only for the tests of this folder: data for every audit section. */
export function summaryData(
  overrides: Partial<InstallAttemptSummary> = {},
): InstallAttemptSummary {
  return {
    total: 42,
    succeeded: 30,
    failed: 6,
    stalled: 3,
    inProgress: 2,
    discarded: 1,
    successRate: 0.75,
    medianDurationSeconds: 1260,
    p90DurationSeconds: 5400,
    ...overrides,
  };
}

export const funnelData: InstallAttemptFunnel = {
  installTypes: [
    {
      installType: 'helm',
      steps: [
        { step: 'started', reached: 20, stalledHere: 0, failedHere: 1 },
        { step: 'registry-login', reached: 16, stalledHere: 2, failedHere: 1 },
        { step: 'images-pulled', reached: 12, stalledHere: 0, failedHere: 3 },
        { step: 'completed', reached: 9, stalledHere: 0, failedHere: 0 },
      ],
    },
    {
      installType: 'linux',
      steps: [
        { step: 'started', reached: 10, stalledHere: 0, failedHere: 0 },
        {
          step: 'assets-downloaded',
          reached: 5,
          stalledHere: 1,
          failedHere: 1,
        },
        { step: 'completed', reached: 4, stalledHere: 0, failedHere: 0 },
      ],
    },
  ],
};

export const failureGroupsData: InstallAttemptFailureGroups = {
  items: [
    {
      status: 'failed',
      step: 'images-pulled',
      reason: 'imagepullbackoff: manifest <value> unknown',
      exampleReason: 'ImagePullBackOff: manifest "2.11.0" unknown',
      count: 3,
      customers: 2,
      firstSeenAt: '2025-06-01T10:00:00Z',
      lastSeenAt: '2025-06-10T10:00:00Z',
    },
    {
      status: 'stalled',
      step: 'registry-login',
      reason: null,
      exampleReason: null,
      count: 2,
      customers: 1,
      firstSeenAt: '2025-06-02T10:00:00Z',
      lastSeenAt: '2025-06-03T10:00:00Z',
    },
  ],
};

export const trendData: InstallAttemptTrend = {
  weeks: [
    {
      weekStart: '2025-06-02T00:00:00Z',
      attempts: 4,
      succeeded: 2,
      successRate: 0.5,
    },
    {
      weekStart: '2025-06-09T00:00:00Z',
      attempts: 8,
      succeeded: 6,
      successRate: 0.75,
    },
    {
      weekStart: '2025-06-16T00:00:00Z',
      attempts: 0,
      succeeded: 0,
      successRate: null,
    },
  ],
};

export const ttiData: TimeToInstallStats = {
  groups: [
    {
      key: 'nimbus',
      customers: 7,
      license: { median: 9 * 86400 + 6 * 3600, p90: 20 * 86400 },
      instance: { median: 5400, p90: null },
    },
  ],
};

export function attemptPage(
  names: string[],
  totalCount = names.length,
  nextCursor: string | null = null,
): InstallAttemptList {
  return {
    items: names.map((name, i) => ({
      ...attemptFixture({ id: `att_${name}` }),
      customer: {
        id: `cus_${i + 1}`,
        name,
        appSlug: 'nimbus',
        channelSlug: 'stable',
      },
    })),
    totalCount,
    nextCursor,
  };
}

/** A mock API answering every audit route with the data above. */
export function auditApi(overrides: Partial<CustomerReportingApi> = {}) {
  return {
    getInstallAttemptSummary: jest.fn(async () => summaryData()),
    getInstallAttemptFunnel: jest.fn(async () => funnelData),
    getInstallAttemptFailureGroups: jest.fn(async () => failureGroupsData),
    getInstallAttemptTrend: jest.fn(async () => trendData),
    getTimeToInstallStats: jest.fn(async () => ttiData),
    listInstallAttempts: jest.fn(async () =>
      attemptPage(['Acme Corp', 'Globex']),
    ),
    exportInstallAttemptsCsv: jest.fn(async () => new Blob(['id\n'])),
    ...overrides,
  };
}
