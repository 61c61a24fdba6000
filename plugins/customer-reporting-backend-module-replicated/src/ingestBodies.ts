/*
 * Bodies of the customer-reporting ingest routes (docs/ingest.md), as this
 * module builds them. The ingestion service validates them again.
 */
import { CustomerFeatures } from '@customer-reporting/plugin-customer-reporting-common';

export interface AppBody {
  name: string;
  channels: {
    slug: string;
    name: string;
    releases: { sequence: number; versionLabel: string; promotedAt: string }[];
  }[];
}

export interface CustomerBody {
  name: string;
  appSlug: string;
  channelSlug: string;
  email?: string;
  customId?: string;
  licenseType: string;
  licenseId: string;
  createdAt: string;
  expiresAt: string | null;
  archived: boolean;
  features: CustomerFeatures;
  enterprisePortalEnabled: boolean;
  downloadPortalUrl?: string;
  customFields: { name: string; value: string }[];
}

/** What a check-in reports besides who and when. */
export interface CheckInFields {
  clusterId?: string;
  airgap?: boolean;
  appStatus?: string;
  appVersion?: string;
  channelSlug?: string;
  releaseSequence?: number;
  k8sVersion?: string;
  k8sDistribution?: string;
  clusterType?: 'kurl' | 'embedded' | 'existing';
  kurlNodesTotal?: number;
  kurlNodesReady?: number;
  kotsVersion?: string;
  sdkVersion?: string;
  cloudProvider?: string;
  cloudRegion?: string;
  preflightStatus?: string;
  tags?: Record<string, string>;
  customMetrics?: Record<string, string | number | boolean>;
}

/** A check-in before its time is checked against the ingest window. */
export interface CheckInDraft {
  instanceId: string;
  customerId: string;
  /** Epoch milliseconds. */
  at: number;
  fields: CheckInFields;
}

export interface CheckInBody extends CheckInFields {
  instanceId: string;
  customerId: string;
  at: string;
}

export interface AttemptEventBody {
  attemptId: string;
  customerId: string;
  type: 'started' | 'step' | 'completed' | 'failed' | 'discarded';
  at: string;
  step?: string;
  userEmail?: string;
  installType?: 'helm' | 'linux';
  appVersion?: string;
  environment?: { k8sDistribution?: string; os?: string; osVersion?: string };
  networkMode?: 'online' | 'proxy' | 'airgap';
  registry?: 'online' | 'partial' | 'offline';
  reason?: string;
  instanceId?: string;
}

export interface PortalEventBody {
  customerId: string;
  type:
    | 'accessed'
    | 'user-invited'
    | 'user-joined'
    | 'service-account-created'
    | 'software-pulled';
  at: string;
  email?: string;
  version?: string;
}
