/**
 * Application statuses ordered from least to most available; the order is
 * what the status rollup relies on (the app is as available as its least
 * available resource). @public
 */
export const APP_STATUSES = [
  'missing',
  'unavailable',
  'degraded',
  'updating',
  'ready',
] as const;

/** @public */
export type AppStatus = (typeof APP_STATUSES)[number];
