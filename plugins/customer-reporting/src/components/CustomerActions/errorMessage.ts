import { ResponseError } from '@backstage/errors';

/**
 * The backend's own message for a failed action (e.g. "Acme has no email
 * address: ..."), which says more than ResponseError's generic
 * "Request failed with 409 Conflict".
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The HTTP status of a failed request, when it was one. */
export function errorStatus(error: unknown): number | undefined {
  return error instanceof ResponseError ? error.response.status : undefined;
}
