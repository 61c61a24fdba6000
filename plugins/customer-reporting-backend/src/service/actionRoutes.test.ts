import request from 'supertest';
import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { verifyLicenseYaml } from '../customerActions/licenseDocument';
import { SERVICE_AUTH } from '../__testUtils__/testBackend';
import {
  licensePublicKey as publicKey,
  startWithCustomers,
} from '../__testUtils__/customerActionsBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const user = mockCredentials.user.header('user:default/alice');

async function start(databaseId: TestDatabaseId, extraFeatures: any[] = []) {
  return startWithCustomers(await databases.init(databaseId), extraFeatures);
}

describe.each(databases.eachSupportedId())(
  'customer actions on %p',
  databaseId => {
    it('gives Helm instructions, or says why not', async () => {
      const { server } = await start(databaseId);
      const res = await request(server)
        .get(`${base}/v1/customers/c1/helm-instructions`)
        .set('Authorization', user)
        .expect(200);
      expect(res.body.registryLogin).toBe(
        "helm registry login 'registry.acme.test' --username 'admin@acme.example.com' --password 'lic-acme'",
      );
      expect(res.body.install).toBe(
        "helm install 'test-app' 'oci://registry.acme.test/test-app/test-chart' --version '1.1.0'",
      );
      expect(res.headers['cache-control']).toBe('no-store');
      const refused = await request(server)
        .get(`${base}/v1/customers/c2/helm-instructions`)
        .set('Authorization', user)
        .expect(409);
      expect(refused.body.error.message).toBe(
        'Helm install is not enabled for Trial Co: enable it on the license first',
      );
    });

    it('downloads a signed license that verifies with the public key, and audits it', async () => {
      const { server } = await start(databaseId);
      const res = await request(server)
        .get(`${base}/v1/customers/c1/license`)
        .set('Authorization', user)
        .expect(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="acme-corp-license.yaml"',
      );
      // Readable by the frontend on another origin (CORS).
      expect(res.headers['access-control-expose-headers']).toBe(
        'Content-Disposition',
      );
      expect(res.headers['cache-control']).toBe('no-store');
      expect(
        verifyLicenseYaml(
          res.text,
          publicKey.export({ format: 'pem', type: 'spki' }).toString(),
        ),
      ).toBe(true);
      expect(res.text).toContain('licenseId: lic-acme');
      const audit = await request(server)
        .get(`${base}/v1/customers/c1/audit`)
        .set('Authorization', user)
        .expect(200);
      expect(audit.body.items).toMatchObject([
        { actor: 'user:default/alice', action: 'license-download' },
      ]);
    });

    it('generates a password shown once, sets one of at least 12 characters, and keeps only a hash', async () => {
      const { server, knex, logger } = await start(databaseId);
      const generated = await request(server)
        .post(`${base}/v1/customers/c1/download-portal/password`)
        .set('Authorization', user)
        .send({})
        .expect(200);
      const password: string = generated.body.password;
      expect(password).toHaveLength(24);
      // No body at all asks for one too.
      const bare = await request(server)
        .post(`${base}/v1/customers/c1/download-portal/password`)
        .set('Authorization', user)
        .expect(200);
      expect(bare.body.password).toHaveLength(24);
      expect(generated.headers['cache-control']).toBe('no-store');
      await request(server)
        .post(`${base}/v1/customers/c1/download-portal/password`)
        .set('Authorization', user)
        .send({ password: 'short' })
        .expect(400);
      const chosen = 'correct horse battery staple';
      const set = await request(server)
        .post(`${base}/v1/customers/c1/download-portal/password`)
        .set('Authorization', user)
        .send({ password: chosen })
        .expect(204);
      expect(set.text).toBe('');

      const report = await request(server)
        .get(`${base}/v1/customers/c1/report`)
        .set('Authorization', user)
        .expect(200);
      expect(report.body.portal).toMatchObject({
        kind: 'download',
        passwordSet: true,
        passwordSetBy: 'user:default/alice',
      });
      expect(report.body.portal.url).toMatch(
        /^https:\/\/get\.acme\.test\/[0-9a-f]{32}$/,
      );
      const audit = await request(server)
        .get(`${base}/v1/customers/c1/audit`)
        .set('Authorization', user)
        .expect(200);

      // Neither password appears in any response, log line or column but the hash.
      for (const secret of [password, chosen]) {
        for (const text of [
          report.text,
          audit.text,
          JSON.stringify(logger.info.mock.calls),
          JSON.stringify(logger.error.mock.calls),
          JSON.stringify(logger.warn.mock.calls),
          JSON.stringify(logger.debug.mock.calls),
        ]) {
          expect(text).not.toContain(secret);
        }
        for (const table of ['customers', 'audit_events', 'portal_events']) {
          expect(JSON.stringify(await knex(table).select())).not.toContain(
            secret,
          );
        }
      }
      const { portal_password_hash: hash } = await knex('customers')
        .where({ id: 'c1' })
        .first();
      expect(hash).toMatch(/^scrypt\$/);
    });

    it('invites portal users once each and enables the enterprise portal', async () => {
      const { server } = await start(databaseId);
      await request(server)
        .put(`${base}/v1/customers/c2/enterprise-portal`)
        .set('Authorization', user)
        .send({ enabled: true })
        .expect(200);
      await request(server)
        .post(`${base}/v1/customers/c2/enterprise-portal/invitations`)
        .set('Authorization', user)
        .send({ email: 'Dev@Trial.example.com' })
        .expect(201);
      const again = await request(server)
        .post(`${base}/v1/customers/c2/enterprise-portal/invitations`)
        .set('Authorization', user)
        .send({ email: 'dev@trial.example.com' })
        .expect(409);
      expect(again.body.error.message).toBe(
        'dev@trial.example.com has already been invited',
      );
      await request(server)
        .post(`${base}/v1/customers/c2/enterprise-portal/invitations`)
        .set('Authorization', user)
        .send({ email: 'not an email' })
        .expect(400);
      // A user who joined (with no invitation on record) is no one to
      // invite; another system's events keep their case, yet name one user.
      await request(server)
        .post(`${base}/v1/portal-events`)
        .set('Authorization', SERVICE_AUTH)
        .send({
          events: [
            {
              customerId: 'c2',
              type: 'user-joined',
              email: 'Ops@Trial.example.com',
              at: new Date(Date.now() - 60_000).toISOString(),
            },
            {
              customerId: 'c2',
              type: 'accessed',
              email: 'ops@TRIAL.example.com',
              at: new Date(Date.now() - 30_000).toISOString(),
            },
          ],
        })
        .expect(200);
      await request(server)
        .post(`${base}/v1/customers/c2/enterprise-portal/invitations`)
        .set('Authorization', user)
        .send({ email: 'OPS@trial.example.com' })
        .expect(409);
      const report = await request(server)
        .get(`${base}/v1/customers/c2/report`)
        .set('Authorization', user)
        .expect(200);
      expect(report.body.portal).toMatchObject({
        kind: 'enterprise',
        users: [
          { email: 'dev@trial.example.com', status: 'invited' },
          { email: 'ops@trial.example.com', status: 'joined' },
        ],
      });
      const audit = await request(server)
        .get(`${base}/v1/customers/c2/audit?limit=1`)
        .set('Authorization', user)
        .expect(200);
      expect(audit.body.items).toMatchObject([
        {
          action: 'portal-user-invited',
          details: { email: 'dev@trial.example.com' },
        },
      ]);
      const older = await request(server)
        .get(
          `${base}/v1/customers/c2/audit?limit=5&cursor=${audit.body.nextCursor}`,
        )
        .set('Authorization', user)
        .expect(200);
      expect(older.body).toMatchObject({
        items: [{ action: 'enterprise-portal-enabled' }],
        nextCursor: null,
      });
    });

    it('refuses an action on the portal the customer does not have, and audits of unknown customers', async () => {
      const { server, knex } = await start(databaseId);
      await request(server)
        .put(`${base}/v1/customers/c2/enterprise-portal`)
        .set('Authorization', user)
        .send({ enabled: true })
        .expect(200);
      // c2 is on the Enterprise Portal: it has no Download Portal password.
      const password = await request(server)
        .post(`${base}/v1/customers/c2/download-portal/password`)
        .set('Authorization', user)
        .send({})
        .expect(409);
      expect(password.body.error.message).toBe(
        'Customer c2 uses the Enterprise Portal, which has no Download Portal password',
      );
      // c1 is on the Download Portal: nobody can be invited to its Enterprise Portal.
      const invitation = await request(server)
        .post(`${base}/v1/customers/c1/enterprise-portal/invitations`)
        .set('Authorization', user)
        .send({ email: 'dev@acme.example.com' })
        .expect(409);
      expect(invitation.body.error.message).toMatch(
        /^Customer c1 does not have the Enterprise Portal enabled/,
      );
      // Nothing was kept of either, and neither was recorded as done.
      expect(
        await knex('customers')
          .where({ id: 'c2' })
          .first('portal_password_hash'),
      ).toEqual({ portal_password_hash: null });
      const audits = await Promise.all(
        ['c1', 'c2'].map(id =>
          request(server)
            .get(`${base}/v1/customers/${id}/audit`)
            .set('Authorization', user)
            .expect(200),
        ),
      );
      expect(audits.map(a => a.body.items.map((i: any) => i.action))).toEqual([
        [],
        ['enterprise-portal-enabled'],
      ]);
      const ghost = await request(server)
        .get(`${base}/v1/customers/ghost/audit`)
        .set('Authorization', user)
        .expect(404);
      expect(ghost.body.error.message).toBe('Unknown customer: ghost');
    });
  },
);
