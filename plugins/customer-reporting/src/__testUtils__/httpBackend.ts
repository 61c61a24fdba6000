import { http, HttpResponse } from 'msw';
import { CustomerReportingClient } from '../api/CustomerReportingClient';
import { API_URL, fakeBackend } from './fakeBackend';

/** A Backstage error body, as the backend's error handler answers it. */
export function errorAnswer(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}

/**
 * The real API client over msw, for component tests of error states: the
 * ResponseError the components see is the one the client makes of the
 * backend's answer. Call it in a describe block (it registers msw's hooks).
 */
export function httpBackend() {
  const backend = fakeBackend();
  const api = new CustomerReportingClient(backend.apis);

  /** Every request under the API answers this error from now on. */
  function failAll(status: number, name: string, message: string) {
    backend.server.use(
      http.all(`${API_URL}/*`, () => errorAnswer(status, name, message)),
    );
  }

  return { ...backend, api, failAll };
}
