import request from 'supertest';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  customerLicenseDownloadPermission,
  customerReadPermission,
  customerReportingIngestPermission,
} from '@customer-reporting/plugin-customer-reporting-common';
import { startWithCustomers } from '../__testUtils__/customerActionsBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const user = mockCredentials.user.header('user:default/alice');
const service = mockCredentials.service.header();

async function start(databaseId: TestDatabaseId, extraFeatures: any[] = []) {
  return startWithCustomers(await databases.init(databaseId), extraFeatures);
}

describe.each(databases.eachSupportedId())(
  'customer routes under the permission policy on %p',
  databaseId => {
    it('refuses every customer route and list when the policy denies all but ingest', async () => {
      const onlyIngest = async (requests: { permission: { name: string } }[]) =>
        requests.map(r => ({
          result:
            r.permission.name === customerReportingIngestPermission.name
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        }));
      const { server } = await start(databaseId, [
        mockServices.permissions.mock({
          authorize: onlyIngest,
          authorizeConditional: onlyIngest,
        }).factory,
      ]);
      await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send({
          checkIns: [
            { instanceId: 'i1', customerId: 'c1', appStatus: 'ready' },
          ],
        })
        .expect(200);
      const forbidden: [string, string, object?][] = [
        ['get', '/v1/customers/c1/report'],
        ['get', '/v1/customers/c1/helm-instructions'],
        ['get', '/v1/customers/c1/license'],
        ['get', '/v1/customers/c1/audit'],
        ['post', '/v1/customers/c1/download-portal/password', {}],
        ['put', '/v1/customers/c1/enterprise-portal', { enabled: true }],
        [
          'post',
          '/v1/customers/c1/enterprise-portal/invitations',
          { email: 'a@b.co' },
        ],
        ['get', '/v1/instances/i1'],
        ['get', '/v1/instances/i1/uptime'],
        ['get', '/v1/instances/i1/events'],
        ['get', '/v1/exports/customers.csv'],
        ['get', '/v1/exports/customers-instances.csv'],
        ['get', '/v1/exports/install-attempts.csv'],
        ['get', '/v1/customers'],
        ['get', '/v1/install-attempts'],
        ['get', '/v1/install-attempts/summary'],
        ['get', '/v1/time-to-install/stats'],
      ];
      for (const [method, path, body] of forbidden) {
        const res = await (request(server) as any)
          [method](`${base}${path}`)
          .set('Authorization', user)
          .send(body);
        expect([path, res.status]).toEqual([path, 403]);
      }
    });

    it('decides read and license download of a report in one permission call', async () => {
      const calls: string[][] = [];
      let allowed = [customerReadPermission.name];
      const underTest = [
        customerReadPermission.name,
        customerLicenseDownloadPermission.name,
      ];
      const recording = async (
        requests: { permission: { name: string } }[],
      ) => {
        calls.push(requests.map(r => r.permission.name));
        // Whatever else the test backend needs to load its customers is allowed.
        return requests.map(({ permission: { name } }) => ({
          result:
            allowed.includes(name) || !underTest.includes(name)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        }));
      };
      const { server } = await start(databaseId, [
        mockServices.permissions.mock({
          authorize: recording,
          authorizeConditional: recording,
        }).factory,
      ]);
      calls.length = 0;
      const report = () =>
        request(server)
          .get(`${base}/v1/customers/c1/report`)
          .set('Authorization', user);
      const readOnly = await report().expect(200);
      expect(calls).toEqual([
        [customerReadPermission.name, customerLicenseDownloadPermission.name],
      ]);
      expect(readOnly.body.customer.licenseId).toBeNull();

      allowed = underTest;
      const admin = await report().expect(200);
      expect(admin.body.customer.licenseId).not.toBeNull();
      expect(admin.headers['cache-control']).toBe('no-store');

      // License download without read is still no report.
      allowed = [customerLicenseDownloadPermission.name];
      await report().expect(403);
      expect(calls).toHaveLength(3);
    });

    it('filters lists in SQL by a conditional decision', async () => {
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        authorizeConditional: async requests =>
          requests.map(() => ({
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'customer-reporting',
            resourceType: 'customer-reporting-customer',
            conditions: {
              rule: 'HAS_LICENSE_TYPE',
              resourceType: 'customer-reporting-customer',
              params: { licenseTypes: ['trial'] },
            },
          })),
      });
      const { server } = await start(databaseId, [permissions.factory]);
      const list = await request(server)
        .get(`${base}/v1/customers`)
        .set('Authorization', user)
        .expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual(['c2']);
    });
  },
);
