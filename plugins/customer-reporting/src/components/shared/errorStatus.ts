import { ResponseError } from '@backstage/errors';

/**
 * Whether a load failed with this HTTP status from the backend. The client
 * throws ResponseError for every non-2xx answer; other errors (network, a
 * bug) have no status and always count as failures.
 */
export function hasStatus(
  error: unknown,
  status: number,
): error is ResponseError {
  return error instanceof ResponseError && error.statusCode === status;
}
