/*
 * Response shapes of the backend's HTTP contract (docs: shared api.md and the
 * backend's src/schema/openapi.yaml). Times are ISO 8601 UTC strings,
 * durations whole seconds, ratios fractions from 0 to 1.
 */
import { AppStatus } from './appStatus';
import { LicenseType } from './licenseTypes';

/** Entitlement flags of a customer's license. @public */
export interface CustomerFeatures {
  gitops: boolean;
  airgap: boolean;
  identity: boolean;
  snapshots: boolean;
  helmInstall: boolean;
  kotsInstall: boolean;
  kurlInstall: boolean;
  embeddedClusterDownload: boolean;
  supportBundleUpload: boolean;
}

/** One row of the customer list. @public */
export interface CustomerSummary {
  id: string;
  name: string;
  email: string | null;
  /** The CRM key, when set. */
  customId: string | null;
  /** Entity ref of the owning group, when the record names one. */
  owner: string | null;
  appSlug: string;
  channelSlug: string;
  channelName: string;
  licenseType: LicenseType;
  licenseTypeLabel: string;
  createdAt: string;
  expiresAt: string | null;
  archived: boolean;
  /** The license expired by `asOf`. */
  expired: boolean;
  /** The license expires within EXPIRING_SOON_DAYS after `asOf`. */
  expiringSoon: boolean;
  /** Active online instances or unarchived air gap ones. */
  active: boolean;
  /** Worst status among the active and air gap instances; null without one. */
  status: AppStatus | null;
  /** How many active and air gap instances report each status. */
  statusCounts: Record<AppStatus, number>;
  /** Active online instances (the report's "N active"). */
  activeInstances: number;
  /** Unarchived air gap instances (the report's "N air gap"), counted apart. */
  airgapInstances: number;
  lastActiveAt: string | null;
  /** License time to install in seconds, null when no instance is ready. */
  timeToInstallSeconds: number | null;
}

/** A page of customers. @public */
export interface CustomerListResponse {
  items: CustomerSummary[];
  totalCount: number;
  nextCursor: string | null;
}

/** Answer of every batched ingest route. @public */
export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/** Shares of one UTC day of an instance's uptime graph. @public */
export interface UptimeDay {
  date: string;
  up: number;
  degraded: number;
  down: number;
  noData: number;
}

/** One instance row of the customer report. @public */
export interface ReportInstance {
  id: string;
  shortId: string;
  name: string | null;
  status: AppStatus | null;
  active: boolean;
  airgap: boolean;
  archived: boolean;
  appVersion: string | null;
  versionsBehind: number | null;
  k8sDistribution: string | null;
  k8sVersion: string | null;
  clusterType: string | null;
  kurlNodesTotal: number | null;
  kurlNodesReady: number | null;
  kotsVersion: string | null;
  sdkVersion: string | null;
  cloudProvider: string | null;
  cloudRegion: string | null;
  firstSeenAt: string;
  firstReadyAt: string | null;
  lastCheckInAt: string;
  tags: Record<string, string>;
  uptime: { ratio: number | null; days: UptimeDay[] };
}

/** The customer's download or enterprise portal. @public */
export type ReportPortal =
  | {
      kind: 'download';
      url: string;
      passwordSet: boolean;
      passwordSetAt: string | null;
      passwordSetBy: string | null;
      lastDownload: { at: string; version: string | null } | null;
    }
  | {
      kind: 'enterprise';
      /** The customer's portal address (the card's View link). */
      url: string;
      status: 'accessed' | 'not-accessed';
      lastAccessedAt: string | null;
      users: { email: string; status: 'invited' | 'joined' }[];
      serviceAccounts: number;
      supportBundles: number;
      installAttempts: number;
      delivery: {
        firstAccessAt: string | null;
        firstPullAt: string | null;
        latestPullAt: string | null;
      };
    };

/** Statuses of an install attempt (see docs/metrics.md). @public */
export const INSTALL_ATTEMPT_STATUSES = [
  'succeeded',
  'failed',
  'stalled',
  'in-progress',
  'discarded',
] as const;
/** @public */
export type InstallAttemptStatus = (typeof INSTALL_ATTEMPT_STATUSES)[number];

/** One install attempt of the customer report. @public */
export interface ReportInstallAttempt {
  id: string;
  status: InstallAttemptStatus;
  installType: 'helm' | 'linux' | null;
  startedAt: string;
  userEmail: string | null;
  appVersion: string | null;
  environment: {
    k8sDistribution: string | null;
    os: string | null;
    osVersion: string | null;
  };
  networkMode: string | null;
  registry: string | null;
  durationSeconds: number | null;
  failedStep: string | null;
  reason: string | null;
  steps: { step: string; at: string }[];
}

/** `GET /v1/customers/{id}/report`. @public */
export interface CustomerReport {
  customer: {
    id: string;
    name: string;
    email: string | null;
    customId: string | null;
    appSlug: string;
    channel: { slug: string; name: string };
    licenseType: LicenseType;
    licenseTypeLabel: string;
    /** The Helm registry password: null unless the caller may download the license. */
    licenseId: string | null;
    createdAt: string;
    expiresAt: string | null;
    archived: boolean;
    active: boolean;
    features: CustomerFeatures;
    enterprisePortalEnabled: boolean;
    customFields: { name: string; value: string }[];
  };
  timeToInstall: null | {
    instanceId: string;
    firstSeenAt: string;
    firstReadyAt: string;
    instanceSeconds: number;
    licenseSeconds: number;
  };
  portal: ReportPortal;
  instanceCounts: {
    active: number;
    airgap: number;
    inactive: number;
    archived: number;
  };
  instances: ReportInstance[];
  installAttempts: ReportInstallAttempt[];
}

/** `GET /v1/instances/{id}`. @public */
export interface InstanceDetails {
  instance: ReportInstance;
  customer: { id: string; name: string; appSlug: string; createdAt: string };
  insights: {
    uptimeRatio: number | null;
    instanceTimeToInstallSeconds: number | null;
    licenseTimeToInstallSeconds: number | null;
    versionAgeSeconds: number | null;
    relativeVersionAgeDays: number | null;
    versionsBehind: number | null;
  };
  information: {
    clusterId: string | null;
    channelSlug: string | null;
    releaseSequence: number | null;
    preflightStatus: string | null;
  };
  customMetrics: Record<string, string | number | boolean>;
}

/** Uptime graph ranges. @public */
export const UPTIME_RANGES = ['2d', '2w', '45d', '90d', '1y', 'all'] as const;
/** @public */
export type UptimeRangeName = (typeof UPTIME_RANGES)[number];

/** `GET /v1/instances/{id}/uptime`. @public */
export interface InstanceUptime {
  range: UptimeRangeName;
  ratio: number | null;
  buckets: {
    start: string;
    end: string;
    up: number;
    degraded: number;
    down: number;
    noData: number;
    events: number;
  }[];
}

/** Categories of instance events. @public */
export const INSTANCE_EVENT_CATEGORIES = [
  'status',
  'version',
  'infrastructure',
  'replicated',
  'preflight',
  'tags',
  'custom-metrics',
] as const;
/** @public */
export type InstanceEventCategory = (typeof INSTANCE_EVENT_CATEGORIES)[number];

/** `GET /v1/instances/{id}/events`. @public */
export interface InstanceEventList {
  items: {
    at: string;
    field: string;
    label: string;
    category: InstanceEventCategory;
    value: unknown;
    previousValue: unknown;
  }[];
  nextCursor: string | null;
}

/** `GET /v1/install-attempts`. @public */
export interface InstallAttemptList {
  items: (ReportInstallAttempt & {
    customer: {
      id: string;
      name: string;
      appSlug: string;
      channelSlug: string;
    };
  })[];
  totalCount: number;
  nextCursor: string | null;
}

/**
 * Where a data source stands: `never-run` before its first sync, `running`
 * while one is under way, else the outcome of its latest sync.
 * @public
 */
export type DataSourceSyncState =
  | 'never-run'
  | 'running'
  | 'succeeded'
  | 'failed';

/** One registered data source and its latest syncs. @public */
export interface DataSourceStatus {
  id: string;
  state: DataSourceSyncState;
  lastStartedAt: string | null;
  lastSucceededAt: string | null;
  lastFailedAt: string | null;
  /** Message of the latest failure; kept after a later success for reference. */
  lastError: string | null;
  /** Figures the latest successful sync reported, e.g. `{customers: 12}`. */
  counts: Record<string, number> | null;
}

/** `GET /v1/data-sources`, sorted by id. @public */
export interface DataSourceList {
  items: DataSourceStatus[];
}
