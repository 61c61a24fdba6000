import { AppStatusValues } from './generated';

/**
 * Application statuses ordered from least to most available (the order of
 * the spec's `AppStatus` enum); the order is what the status rollup relies on
 * (the app is as available as its least available resource). @public
 */
export const APP_STATUSES = AppStatusValues;
