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
  appSlug: string;
  channelSlug: string;
  channelName: string;
  licenseType: LicenseType;
  licenseTypeLabel: string;
  createdAt: string;
  expiresAt: string | null;
  archived: boolean;
  active: boolean;
  /** Status of the customer's most available active instance, null without one. */
  status: AppStatus | null;
  activeInstances: number;
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
