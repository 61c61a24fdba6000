import fs from 'fs';
import path from 'path';
import request from 'supertest';
import YAML from 'yaml';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const base = '/api/customer-reporting';
const recent = new Date(Date.now() - 3600_000).toISOString();

const CUSTOMER = testCustomer({
  features: {
    gitops: false,
    airgap: false,
    identity: false,
    snapshots: false,
    helmInstall: true,
  },
});

type Caller = 'anonymous' | 'userDenied' | 'userAllowed' | 'service';
interface Row {
  path: string;
  /** The body, per caller when it must differ (an email is invited once). */
  body?: object | ((caller: Caller) => object);
  /** Expected status per caller; a list a denied user may call answers 200 and empty. */
  expect: Record<Caller, number>;
}

const read = (okStatus = 200, denied = 403) => ({
  anonymous: 401,
  userDenied: denied,
  userAllowed: okStatus,
  service: okStatus,
});
const write = {
  anonymous: 401,
  userDenied: 403,
  userAllowed: 403,
  service: 200,
};
const action = (okStatus: number) => ({
  anonymous: 401,
  userDenied: 403,
  userAllowed: okStatus,
  service: okStatus,
});

/** Every route × every kind of caller. Its keys must be exactly the routes of openapi.yaml. */
const MATRIX: Record<string, Row> = {
  'GET /health': {
    path: '/health',
    expect: { anonymous: 200, userDenied: 200, userAllowed: 200, service: 200 },
  },
  'PUT /v1/apps/{appSlug}': {
    path: '/v1/apps/test-app',
    body: TEST_APP,
    expect: write,
  },
  'PUT /v1/customers/{customerId}': {
    path: '/v1/customers/c1',
    body: CUSTOMER,
    expect: write,
  },
  'POST /v1/check-ins': {
    path: '/v1/check-ins',
    body: { checkIns: [{ instanceId: 'i1', customerId: 'c1', at: recent }] },
    expect: write,
  },
  'POST /v1/install-attempt-events': {
    path: '/v1/install-attempt-events',
    body: {
      events: [
        { attemptId: 'a1', customerId: 'c1', type: 'started', at: recent },
      ],
    },
    expect: write,
  },
  'POST /v1/portal-events': {
    path: '/v1/portal-events',
    body: { events: [{ customerId: 'c1', type: 'accessed', at: recent }] },
    expect: write,
  },
  'GET /v1/customers': { path: '/v1/customers', expect: read(200, 200) },
  'GET /v1/apps': { path: '/v1/apps', expect: read(200, 200) },
  'GET /v1/customers/{customerId}/report': {
    path: '/v1/customers/c1/report',
    expect: read(),
  },
  'GET /v1/customers/{customerId}/helm-instructions': {
    path: '/v1/customers/c1/helm-instructions',
    expect: read(),
  },
  'GET /v1/customers/{customerId}/license': {
    path: '/v1/customers/c1/license',
    expect: read(503),
  },
  'POST /v1/customers/{customerId}/download-portal/password': {
    path: '/v1/customers/c1/download-portal/password',
    body: {},
    expect: action(200),
  },
  'PUT /v1/customers/{customerId}/enterprise-portal': {
    path: '/v1/customers/c1/enterprise-portal',
    body: { enabled: false },
    expect: action(200),
  },
  'POST /v1/customers/{customerId}/enterprise-portal/invitations': {
    path: '/v1/customers/c1/enterprise-portal/invitations',
    body: (caller: Caller) => ({
      email: `${caller.toLowerCase()}@acme.example.com`,
    }),
    expect: action(201),
  },
  'GET /v1/customers/{customerId}/audit': {
    path: '/v1/customers/c1/audit',
    expect: read(),
  },
  'GET /v1/instances/{instanceId}': {
    path: '/v1/instances/i1',
    expect: read(),
  },
  'GET /v1/instances/{instanceId}/uptime': {
    path: '/v1/instances/i1/uptime',
    expect: read(),
  },
  'GET /v1/instances/{instanceId}/events': {
    path: '/v1/instances/i1/events',
    expect: read(),
  },
  'GET /v1/install-attempts': {
    path: '/v1/install-attempts',
    expect: read(200, 200),
  },
  'GET /v1/install-attempts/summary': {
    path: '/v1/install-attempts/summary',
    expect: read(200, 200),
  },
  'GET /v1/install-attempts/funnel': {
    path: '/v1/install-attempts/funnel',
    expect: read(200, 200),
  },
  'GET /v1/install-attempts/failure-groups': {
    path: '/v1/install-attempts/failure-groups',
    expect: read(200, 200),
  },
  'GET /v1/install-attempts/trend': {
    path: '/v1/install-attempts/trend',
    expect: read(200, 200),
  },
  'GET /v1/time-to-install/stats': {
    path: '/v1/time-to-install/stats',
    expect: read(200, 200),
  },
  'GET /v1/exports/customers.csv': {
    path: '/v1/exports/customers.csv',
    expect: read(),
  },
  'GET /v1/exports/customers-instances.csv': {
    path: '/v1/exports/customers-instances.csv',
    expect: read(),
  },
  'GET /v1/data-sources': { path: '/v1/data-sources', expect: read() },
  'GET /v1/exports/install-attempts.csv': {
    path: '/v1/exports/install-attempts.csv',
    expect: read(),
  },
};

async function startWith(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      mockServices.database.factory({ knex: await databases.init('SQLITE_3') }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.permissions.factory({ result }),
    ],
  });
  const service = mockCredentials.service.header();
  await request(server)
    .put(`${base}/v1/apps/test-app`)
    .set('Authorization', service)
    .send(TEST_APP)
    .expect(200);
  await request(server)
    .put(`${base}/v1/customers/c1`)
    .set('Authorization', service)
    .send(CUSTOMER)
    .expect(200);
  await request(server)
    .post(`${base}/v1/check-ins`)
    .set('Authorization', service)
    .send({ checkIns: [{ instanceId: 'i1', customerId: 'c1', at: recent }] })
    .expect(200);
  return server;
}

describe('auth matrix', () => {
  it('covers every route of openapi.yaml', () => {
    const spec = YAML.parse(
      fs.readFileSync(path.join(__dirname, '../schema/openapi.yaml'), 'utf8'),
    );
    const routes = Object.entries(spec.paths as Record<string, object>).flatMap(
      ([p, methods]) =>
        Object.keys(methods).map(m => `${m.toUpperCase()} ${p}`),
    );
    expect(Object.keys(MATRIX).sort()).toEqual(routes.sort());
  });

  it('answers every caller with the expected status', async () => {
    const allowed = await startWith(AuthorizeResult.ALLOW);
    const denied = await startWith(AuthorizeResult.DENY);
    const callers: Record<Caller, [typeof allowed, string | undefined]> = {
      anonymous: [allowed, undefined],
      userDenied: [denied, mockCredentials.user.header()],
      userAllowed: [allowed, mockCredentials.user.header()],
      service: [allowed, mockCredentials.service.header()],
    };
    const actual: Record<string, Record<string, number>> = {};
    const expected: Record<string, Record<string, number>> = {};
    for (const [route, row] of Object.entries(MATRIX)) {
      const method = route.split(' ')[0].toLowerCase() as
        | 'get'
        | 'put'
        | 'post';
      actual[route] = {};
      expected[route] = row.expect;
      for (const [caller, [server, header]] of Object.entries(callers)) {
        let req = request(server)[method](`${base}${row.path}`);
        if (header) req = req.set('Authorization', header);
        const body =
          typeof row.body === 'function'
            ? row.body(caller as Caller)
            : row.body;
        const res = body ? await req.send(body) : await req;
        actual[route][caller] = res.status;
      }
    }
    expect(actual).toEqual(expected);
  });
});
