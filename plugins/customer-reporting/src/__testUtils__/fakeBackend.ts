import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

const ORIGIN = 'http://localhost:7007';
/** The plugin's API as the clients under test find it. */
export const API_URL = `${ORIGIN}/api/customer-reporting`;

/**
 * msw standing in for the backend, for tests of the API clients. Call it in
 * a describe block: it registers the server's hooks there. `apis` are the
 * clients' constructor options.
 */
export function fakeBackend() {
  const server = setupServer();
  registerMswTestHooks(server);
  const apis = {
    discoveryApi: mockApis.discovery({ baseUrl: ORIGIN }),
    fetchApi: new MockFetchApi(),
  };

  /** Answers every GET with `body` (a string as CSV) and records the URLs. */
  function captureGets(body: Record<string, unknown> | string = { ok: true }) {
    const urls: string[] = [];
    server.use(
      http.get(`${API_URL}/*`, ({ request }) => {
        urls.push(request.url);
        return typeof body === 'string'
          ? new HttpResponse(body, { headers: { 'content-type': 'text/csv' } })
          : HttpResponse.json(body);
      }),
    );
    return urls;
  }

  return { server, apis, captureGets };
}
