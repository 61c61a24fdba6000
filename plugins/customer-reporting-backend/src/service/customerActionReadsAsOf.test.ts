import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startWithCustomers } from '../__testUtils__/customerActionsBackend';
import { HELM_INSTALL_ONLY, testCustomer } from '../__testUtils__/fixtures';
import { SERVICE_AUTH } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const user = mockCredentials.user.header('user:default/alice');

/**
 * The customer actions that only read (Helm instructions, the license, the audit trail)
 * take `asOf` like every read route (api.md, Auth): the answer as the
 * portal would have shown it then.
 */
describe.each(databases.eachSupportedId())(
  'asOf on the reading customer actions on %p',
  databaseId => {
    async function start() {
      const { server } = await startWithCustomers(
        await databases.init(databaseId),
      );
      // Created before both releases of the test app (May 1, June 1 2024).
      await request(server)
        .put(`${base}/v1/customers/c1`)
        .set('Authorization', SERVICE_AUTH)
        .send(
          testCustomer({
            createdAt: '2024-04-01T00:00:00Z',
            features: HELM_INSTALL_ONLY,
          }),
        )
        .expect(200);
      return server;
    }
    const get = (server: Awaited<ReturnType<typeof start>>, path: string) =>
      request(server).get(`${base}${path}`).set('Authorization', user);

    it('installs the latest release promoted by asOf, and knows no customer before it was created', async () => {
      const server = await start();
      const helm = '/v1/customers/c1/helm-instructions';
      expect(
        (await get(server, `${helm}?asOf=2024-05-15T00:00:00Z`).expect(200))
          .body.install,
      ).toMatch(/--version '1\.0\.0'$/);
      expect((await get(server, helm).expect(200)).body.install).toMatch(
        /--version '1\.1\.0'$/,
      );
      const before = await get(
        server,
        `${helm}?asOf=2024-03-01T00:00:00Z`,
      ).expect(404);
      expect(before.body.error).toEqual({
        name: 'NotFoundError',
        message: 'Unknown customer: c1',
      });
      await get(server, `${helm}?asOf=2024-02-30T00:00:00Z`).expect(400);
    });

    it('lists the audit trail up to asOf', async () => {
      const server = await start();
      const startedAt = new Date().toISOString();
      await get(server, '/v1/customers/c1/license').expect(200);
      const audit = '/v1/customers/c1/audit';
      const now = await get(server, audit).expect(200);
      expect(now.body.items.map((e: { action: string }) => e.action)).toEqual([
        'license-download',
      ]);
      const earlier = new Date(Date.parse(startedAt) - 1000).toISOString();
      expect(
        (await get(server, `${audit}?asOf=${earlier}`).expect(200)).body,
      ).toEqual({ items: [], nextCursor: null });
      await get(server, `${audit}?asOf=2024-03-01T00:00:00Z`).expect(404);
      await get(server, `${audit}?asOf=yesterday`).expect(400);
    });

    it('downloads the license of a customer that existed at asOf', async () => {
      const server = await start();
      const license = '/v1/customers/c1/license';
      // The record keeps no history: the license is the current one.
      const then = await get(
        server,
        `${license}?asOf=2024-05-15T00:00:00Z`,
      ).expect(200);
      const now = await get(server, license).expect(200);
      expect(then.text).toContain('customerId: c1');
      // The same record (issuedAt and the signature differ).
      const spec = (text: string) =>
        text.split('spec:')[1].split('signature')[0];
      expect(spec(then.text)).toBe(spec(now.text));
      const before = await get(
        server,
        `${license}?asOf=2024-03-01T00:00:00Z`,
      ).expect(404);
      expect(before.body.error.message).toBe('Unknown customer: c1');
      await get(server, `${license}?asOf=yesterday`).expect(400);
    });
  },
);
