import { mockServices } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { CustomerReportingIngest } from '@customer-reporting/plugin-customer-reporting-node';
import { fixtures } from '../__fixtures__';
import {
  createVendorApiHandlers,
  FIXTURE_NOW,
} from '../../dev/vendorApiHandlers';

export const BASE_URL = 'https://api.replicated.com/vendor/v3';
export const API_TOKEN = 'rep-sa-token-7d1f0c2b9e8a';
export const NOW = Date.parse(FIXTURE_NOW);

/**
 * The fake Vendor API on msw, with every request it got recorded as
 * `METHOD path?query` plus its Authorization header.
 */
export function fakeVendorApi(
  options: { now?: () => number; maxPageSize?: number } = {},
) {
  const server = setupServer(
    ...createVendorApiHandlers({
      baseUrl: BASE_URL,
      apiToken: API_TOKEN,
      fixtures,
      now: options.now,
      maxPageSize: options.maxPageSize,
    }),
  );
  const requests: { url: string; authorization: string | null }[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    requests.push({
      url: `${url.pathname.replace('/vendor/v3', '')}${url.search}`,
      authorization: request.headers.get('authorization'),
    });
  });
  beforeAll(() =>
    server.listen({
      // Requests to the backend under test (supertest) pass through.
      onUnhandledRequest: (request, print) => {
        if (request.url.startsWith(BASE_URL)) print.error();
      },
    }),
  );
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
  return { server, requests };
}

/** An ingest that records every call, as a data source would make them. */
export function recordingIngest() {
  const calls = {
    apps: new Map<string, any>(),
    customers: new Map<string, any>(),
    checkIns: [] as any[],
    attemptEvents: [] as any[],
    archived: [] as string[],
  };
  const ingest: CustomerReportingIngest = {
    async putApp(slug, app) {
      calls.apps.set(slug, app);
      return app;
    },
    async putCustomer(id, customer) {
      calls.customers.set(id, customer);
    },
    async ingestCheckIns(body) {
      calls.checkIns.push(...body.checkIns);
      return { accepted: body.checkIns.length, duplicates: 0 };
    },
    async ingestInstallAttemptEvents(body) {
      calls.attemptEvents.push(...body.events);
      return { accepted: body.events.length, duplicates: 0 };
    },
    async ingestPortalEvents(body) {
      return { accepted: body.events.length, duplicates: 0 };
    },
    async countCustomers() {
      return calls.customers.size;
    },
    async archiveInstances(instanceIds) {
      calls.archived.push(...instanceIds);
      return instanceIds.length;
    },
  };
  return { ingest, calls };
}

export const testLogger = () => mockServices.logger.mock();
