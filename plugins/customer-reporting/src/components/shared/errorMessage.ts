import { ResponseError } from '@backstage/errors';
import { hasStatus } from './errorStatus';
import { SESSION_EXPIRED } from './SessionExpired';

/**
 * The backend's own message for a failed action (e.g. "Acme has no email
 * address: ..."), which says more than ResponseError's generic
 * "Request failed with 409 Conflict". A 401's own message ("Missing
 * credentials") does not say what to do: trying the action again cannot
 * help, only a new sign-in can.
 */
export function errorMessage(error: unknown): string {
  if (hasStatus(error, 401)) {
    return `${SESSION_EXPIRED} (${
      error.body?.error?.message || error.message
    }). Sign in again or reload the page, then try again.`;
  }
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
