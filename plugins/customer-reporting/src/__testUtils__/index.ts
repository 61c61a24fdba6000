export * from './fixtures';
export { pending, renderWithApi, responseError } from './renderWithApi';
export { itShowsProgressAndBackendErrors } from './cardStates';
export { withFixedTimeZone } from './timeZone';
export { API_URL, fakeBackend } from './fakeBackend';
export { stubDownloads } from './downloads';
export { renderInstanceCard, renderReportCard } from './renderCard';
export { errorAnswer, httpBackend } from './httpBackend';
export { shownText } from './text';
