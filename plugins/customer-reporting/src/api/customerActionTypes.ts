/* Request and response shapes of the customer action routes (docs/permissions.md). */

/** `GET /v1/customers/{id}/helm-instructions`. @public */
export interface HelmInstructions {
  /** `helm registry login ...` with the customer's email and license ID. */
  registryLogin: string;
  /** `helm install ...` of the latest release on the customer's channel. */
  install: string;
  notes: string[];
}

/** A downloaded license: the signed YAML and the backend's file name. @public */
export interface LicenseFile {
  blob: Blob;
  /** From Content-Disposition, e.g. `acme-corp-license.yaml`. */
  filename: string;
}

/** One entry of a customer's audit trail. @public */
export interface CustomerAuditEntry {
  at: string;
  /** Entity ref of the user or the service that acted. */
  actor: string;
  /** e.g. `license-download`, `portal-user-invited`. */
  action: string;
  details: Record<string, unknown>;
}

/** A page of `GET /v1/customers/{id}/audit`, newest first. @public */
export interface CustomerAuditList {
  items: CustomerAuditEntry[];
  nextCursor: string | null;
}

/** Paging of `GET /v1/customers/{id}/audit`. @public */
export interface CustomerAuditQuery {
  limit?: number;
  cursor?: string;
}
