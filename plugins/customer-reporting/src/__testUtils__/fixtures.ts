import {
  CustomerReport,
  InstanceDetails,
  InstanceEventList,
  InstanceUptime,
  ReportInstallAttempt,
  ReportInstance,
  UptimeDay,
} from '@customer-reporting/plugin-customer-reporting-common';

/** 14 UTC days of full uptime, the last one partly degraded. */
export function uptimeDays(): UptimeDay[] {
  return Array.from({ length: 14 }, (_, i) => ({
    date: `2025-06-${String(i + 1).padStart(2, '0')}`,
    up: i === 13 ? 0.75 : 1,
    degraded: i === 13 ? 0.25 : 0,
    down: 0,
    noData: 0,
  }));
}

export function instanceFixture(
  overrides: Partial<ReportInstance> = {},
): ReportInstance {
  return {
    id: 'ins_1234567890',
    shortId: 'ins_123',
    name: 'prod-eu',
    status: 'ready',
    active: true,
    airgap: false,
    archived: false,
    appVersion: '2.11.0',
    versionsBehind: 2,
    k8sDistribution: 'eks',
    k8sVersion: '1.30.4',
    clusterType: 'existing',
    kurlNodesTotal: null,
    kurlNodesReady: null,
    kotsVersion: '1.124.3',
    sdkVersion: '1.5.2',
    cloudProvider: 'aws',
    cloudRegion: 'eu-west-1',
    firstSeenAt: '2025-05-01T10:00:00Z',
    firstReadyAt: '2025-05-01T11:30:00Z',
    lastCheckInAt: '2025-06-14T09:00:00Z',
    tags: { name: 'prod-eu', team: 'platform' },
    uptime: { ratio: 0.98214, days: uptimeDays() },
    ...overrides,
  };
}

export function attemptFixture(
  overrides: Partial<ReportInstallAttempt> = {},
): ReportInstallAttempt {
  return {
    id: 'att_1',
    status: 'failed',
    installType: 'helm',
    startedAt: '2025-06-10T08:00:00Z',
    userEmail: 'ops@acme.test',
    appVersion: '2.11.0',
    environment: { k8sDistribution: 'aks', os: null, osVersion: null },
    networkMode: 'proxy',
    registry: 'online',
    durationSeconds: null,
    failedStep: 'images-pulled',
    reason: 'ImagePullBackOff: manifest unknown',
    steps: [
      { step: 'started', at: '2025-06-10T08:00:00Z' },
      { step: 'registry-login', at: '2025-06-10T08:05:00Z' },
    ],
    ...overrides,
  };
}

export function reportFixture(
  overrides: Partial<CustomerReport> = {},
): CustomerReport {
  return {
    customer: {
      id: 'cus_1',
      name: 'Acme Corp',
      email: 'admin@acme.test',
      customId: 'CRM-1000',
      appSlug: 'nimbus',
      channel: { slug: 'stable', name: 'Stable' },
      licenseType: 'paid',
      licenseTypeLabel: 'Paid',
      licenseId: 'lic_0205',
      createdAt: '2025-04-01T00:00:00Z',
      expiresAt: null,
      archived: false,
      active: true,
      features: {
        gitops: true,
        airgap: false,
        identity: true,
        snapshots: false,
        helmInstall: true,
        kotsInstall: true,
        kurlInstall: false,
        embeddedClusterDownload: false,
        supportBundleUpload: true,
      },
      enterprisePortalEnabled: false,
      customFields: [{ name: 'region', value: 'APAC' }],
    },
    timeToInstall: {
      instanceId: 'ins_1234567890',
      firstSeenAt: '2025-05-01T10:00:00Z',
      firstReadyAt: '2025-05-01T11:30:00Z',
      instanceSeconds: 5400,
      licenseSeconds: 40 * 86400 + 3600,
    },
    portal: {
      kind: 'download',
      url: 'https://download.example.com/cus_1',
      passwordSet: true,
      passwordSetAt: '2025-05-20T12:00:00Z',
      passwordSetBy: 'vendor@example.com',
      lastDownload: { at: '2025-06-01T12:00:00Z', version: '2.7.0' },
    },
    instanceCounts: { active: 1, airgap: 0, inactive: 2, archived: 1 },
    instances: [instanceFixture()],
    installAttempts: [attemptFixture()],
    ...overrides,
  };
}

export function detailsFixture(
  overrides: Partial<InstanceDetails> = {},
): InstanceDetails {
  return {
    instance: instanceFixture(),
    customer: {
      id: 'cus_1',
      name: 'Acme Corp',
      appSlug: 'nimbus',
      licenseType: 'paid',
      createdAt: '2024-03-01T09:00:00Z',
    },
    insights: {
      uptimeRatio: 0.98214,
      instanceTimeToInstallSeconds: 5400,
      licenseTimeToInstallSeconds: 9 * 86400 + 6 * 3600,
      versionAgeSeconds: 3 * 86400 + 4 * 3600,
      relativeVersionAgeDays: 12,
      versionsBehind: 2,
    },
    information: {
      clusterId: 'cluster-abc',
      channelSlug: 'stable',
      releaseSequence: 12,
      preflightStatus: 'pass',
    },
    customMetrics: { activeUsers: 1349, sso: true },
    resources: [
      { kind: 'Deployment', namespace: 'nimbus', name: 'api', state: 'ready' },
      { kind: 'Service', namespace: 'nimbus', name: 'api', state: 'ready' },
    ],
    ...overrides,
  };
}

export function uptimeFixture(
  overrides: Partial<InstanceUptime> = {},
): InstanceUptime {
  return {
    range: '2w',
    ratio: 0.9,
    buckets: [
      {
        start: '2025-06-13T00:00:00Z',
        end: '2025-06-13T08:00:00Z',
        up: 1,
        degraded: 0,
        down: 0,
        noData: 0,
        events: 0,
      },
      {
        start: '2025-06-13T08:00:00Z',
        end: '2025-06-13T16:00:00Z',
        up: 0.5,
        degraded: 0.25,
        down: 0.125,
        noData: 0.125,
        events: 3,
      },
    ],
    ...overrides,
  };
}

export function eventFixture(
  overrides: Partial<InstanceEventList['items'][number]> = {},
): InstanceEventList['items'][number] {
  return {
    at: '2025-06-14T09:00:00Z',
    field: 'appStatus',
    label: 'App status',
    category: 'status',
    value: 'unavailable',
    previousValue: 'ready',
    ...overrides,
  };
}
