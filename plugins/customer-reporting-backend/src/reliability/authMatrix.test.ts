import fs from 'fs';
import path from 'path';
import request from 'supertest';
import YAML from 'yaml';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  GROUP_OF_PERMISSION,
  PermissionGroup,
} from '../permissions/policyConfig';
import {
  INGEST_ONLY_HEADER,
  startWithProductionPolicy,
  userHeader,
} from '../__testUtils__/productionPolicyBackend';
import {
  HELM_INSTALL_ONLY,
  TEST_APP,
  testCustomer,
} from '../__testUtils__/fixtures';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const base = '/api/customer-reporting';
const recent = new Date(Date.now() - 3600_000).toISOString();
const GROUPS = [...new Set(Object.values(GROUP_OF_PERMISSION))];

/** What a route needs, in the terms of the shipped policy. */
type Requirement = 'public' | 'ingest' | 'read' | PermissionGroup;

/**
 * Every route of openapi.yaml and what it needs. The matrix is generated from
 * the spec: a route added there without a line here fails the test.
 */
const REQUIREMENTS: Record<string, Requirement> = {
  'GET /health': 'public',
  'PUT /v1/apps/{appSlug}': 'ingest',
  'PUT /v1/customers/{customerId}': 'ingest',
  'POST /v1/check-ins': 'ingest',
  'POST /v1/install-attempt-events': 'ingest',
  'POST /v1/portal-events': 'ingest',
  'GET /v1/apps': 'read',
  'GET /v1/apps/{appSlug}/adoption': 'read',
  'GET /v1/apps/{appSlug}/customer-figures': 'read',
  'GET /v1/customers': 'read',
  'GET /v1/customers/{customerId}/report': 'read',
  'GET /v1/customers/{customerId}/helm-instructions': 'read',
  'GET /v1/customers/{customerId}/license': 'licenseAdmins',
  'POST /v1/customers/{customerId}/download-portal/password':
    'portalPasswordAdmins',
  'PUT /v1/customers/{customerId}/enterprise-portal': 'enterprisePortalAdmins',
  'POST /v1/customers/{customerId}/enterprise-portal/invitations':
    'enterprisePortalAdmins',
  'GET /v1/customers/{customerId}/audit': 'read',
  'GET /v1/instances/{instanceId}': 'read',
  'GET /v1/instances/{instanceId}/uptime': 'read',
  'GET /v1/instances/{instanceId}/events': 'read',
  'PUT /v1/instances/{instanceId}/archived': 'instanceArchivers',
  'GET /v1/install-attempts': 'read',
  'GET /v1/install-attempts/summary': 'read',
  'GET /v1/install-attempts/funnel': 'read',
  'GET /v1/install-attempts/failure-groups': 'read',
  'GET /v1/install-attempts/trend': 'read',
  'GET /v1/time-to-install/stats': 'read',
  'GET /v1/exports/customers.csv': 'exporters',
  'GET /v1/exports/customers-instances.csv': 'exporters',
  'GET /v1/exports/install-attempts.csv': 'exporters',
  'GET /v1/data-sources': 'dataSourceViewers',
  'PUT /v1/alerts/rules/{ruleId}/mutes': 'alertAdmins',
  'DELETE /v1/alerts/rules/{ruleId}/mutes': 'alertAdmins',
  'GET /v1/alerts/rules': 'read',
  'PUT /v1/alerts/rules/{ruleId}': 'alertAdmins',
  'DELETE /v1/alerts/rules/{ruleId}': 'alertAdmins',
  'GET /v1/alerts/deliveries': 'read',
};

const CUSTOMER = testCustomer({ features: HELM_INSTALL_ONLY });
const PATH_PARAMS: Record<string, string> = {
  appSlug: 'test-app',
  customerId: 'c1',
  instanceId: 'i1',
  ruleId: 'r1',
};
const ALERT_RULE = {
  name: 'Down for 30 minutes',
  eventType: 'instance-unavailable',
};
/** Request bodies; a function when each caller needs its own (an email is invited once). */
const BODIES: Record<string, object | ((caller: string) => object)> = {
  'PUT /v1/apps/{appSlug}': TEST_APP,
  'PUT /v1/customers/{customerId}': CUSTOMER,
  'POST /v1/check-ins': {
    checkIns: [{ instanceId: 'i1', customerId: 'c1', at: recent }],
  },
  'POST /v1/install-attempt-events': {
    events: [
      { attemptId: 'a1', customerId: 'c1', type: 'started', at: recent },
    ],
  },
  'POST /v1/portal-events': {
    events: [{ customerId: 'c1', type: 'accessed', at: recent }],
  },
  'POST /v1/customers/{customerId}/download-portal/password': {},
  'PUT /v1/alerts/rules/{ruleId}': ALERT_RULE,
  'PUT /v1/alerts/rules/{ruleId}/mutes': {
    subject: 'i1',
    until: '2099-01-01T00:00:00Z',
  },
  'PUT /v1/customers/{customerId}/enterprise-portal': { enabled: true },
  // Unarchiving is always allowed (i1 is active: archiving it is refused).
  'PUT /v1/instances/{instanceId}/archived': { archived: false },
  'POST /v1/customers/{customerId}/enterprise-portal/invitations': caller => ({
    email: `${caller.replace(/\W/g, '-')}@acme.example.com`,
  }),
};

/** The callers: anonymous, a plain user, one user per group, two service tokens. */
const CALLERS: Record<string, string | undefined> = {
  anonymous: undefined,
  plainUser: userHeader('plain'),
  ...Object.fromEntries(GROUPS.map(g => [`${g}Member`, userHeader(g)])),
  ingestOnlyToken: INGEST_ONLY_HEADER,
  fullServiceToken: mockCredentials.service.header(),
};

function expectedStatus(
  requirement: Requirement,
  caller: string,
  success: number,
): number {
  if (requirement === 'public') return success;
  if (caller === 'anonymous') return 401;
  if (caller === 'fullServiceToken') return success;
  if (caller === 'ingestOnlyToken')
    return requirement === 'ingest' ? success : 403;
  if (requirement === 'ingest') return 403; // users never write data
  if (requirement === 'read') return success;
  return caller === `${requirement}Member` ? success : 403;
}

const spec = YAML.parse(
  fs.readFileSync(path.join(__dirname, '../schema/openapi.yaml'), 'utf8'),
);
const ROUTES: { route: string; success: number; documented: string[] }[] =
  Object.entries(
    spec.paths as Record<string, Record<string, { responses: object }>>,
  ).flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${p}`,
      documented: Object.keys(operation.responses),
      // The answer the spec documents first among the successes.
      success: Math.min(
        ...Object.keys(operation.responses)
          .map(Number)
          .filter(code => code >= 200 && code < 300),
      ),
    })),
  );

describe('authorization matrix on the shipped policy (production defaults plus one member per group)', () => {
  it('has an expectation for every route of openapi.yaml', () => {
    expect(ROUTES.map(r => r.route).sort()).toEqual(
      Object.keys(REQUIREMENTS).sort(),
    );
  });

  it('expects only statuses openapi.yaml documents for the route', () => {
    for (const { route, success, documented } of ROUTES) {
      const statuses = Object.keys(CALLERS).map(caller =>
        String(expectedStatus(REQUIREMENTS[route], caller, success)),
      );
      expect([route, statuses.filter(s => !documented.includes(s))]).toEqual([
        route,
        [],
      ]);
    }
  });

  it.each(databases.eachSupportedId())(
    'answers every route × caller as the policy says, on %p',
    async databaseId => {
      const server = await startWithProductionPolicy(
        await databases.init(databaseId),
        {
          groups: Object.fromEntries(
            GROUPS.map(g => [g, [`group:default/${g}`]]),
          ),
        },
      );
      // Data to answer about, written with the ingest-only token.
      for (const route of [
        'PUT /v1/apps/{appSlug}',
        'PUT /v1/customers/{customerId}',
        'POST /v1/check-ins',
      ]) {
        const [method, p] = route.split(' ');
        await request(server)
          [method.toLowerCase() as 'put' | 'post'](
            `${base}${p.replace(/\{(\w+)\}/g, (_, k) => PATH_PARAMS[k])}`,
          )
          .set('Authorization', INGEST_ONLY_HEADER)
          .send(BODIES[route] as object)
          .expect(200);
      }
      // The rule whose mutes are set (the spec lists mutes before the rule's
      // own routes, so the rule is deleted last).
      await request(server)
        .put(`${base}/v1/alerts/rules/r1`)
        .set('Authorization', mockCredentials.service.header())
        .send(ALERT_RULE)
        .expect(200);

      const actual: Record<string, Record<string, number>> = {};
      const expected: Record<string, Record<string, number>> = {};
      for (const { route, success } of ROUTES) {
        const [method, p] = route.split(' ');
        const url = `${base}${p.replace(
          /\{(\w+)\}/g,
          (_, k) => PATH_PARAMS[k],
        )}`;
        actual[route] = {};
        expected[route] = {};
        for (const [caller, header] of Object.entries(CALLERS)) {
          let req =
            request(server)[method.toLowerCase() as 'get' | 'put' | 'post'](
              url,
            );
          if (header) req = req.set('Authorization', header);
          const body = BODIES[route];
          const res = body
            ? await req.send(typeof body === 'function' ? body(caller) : body)
            : await req;
          actual[route][caller] = res.status;
          expected[route][caller] = expectedStatus(
            REQUIREMENTS[route],
            caller,
            success,
          );
        }
      }
      expect(actual).toEqual(expected);
    },
  );
});
