import { parametersExcept } from './specSchemas';

/**
 * The install attempt filters the attempt actions offer: every parameter of
 * the spec's attempt summary operation (the filters all attempt routes
 * share) but the comma-separated status list and asOf.
 */
export const ATTEMPT_FILTERS = parametersExcept('GetInstallAttemptSummary', [
  'status',
  'asOf',
]);
