export * from './fixtures';
export { pending, renderWithApi, responseError } from './renderWithApi';
export { withFixedTimeZone } from './timeZone';
