import {
  APP_STATUSES,
  AppStatus,
} from '@customer-reporting/plugin-customer-reporting-common';

/**
 * The app is as available as its least available resource; with no
 * resources it is missing.
 */
export function rollupStatus(states: readonly AppStatus[]): AppStatus {
  if (states.length === 0) return 'missing';
  return states.reduce((least, state) =>
    APP_STATUSES.indexOf(state) < APP_STATUSES.indexOf(least) ? state : least,
  );
}
