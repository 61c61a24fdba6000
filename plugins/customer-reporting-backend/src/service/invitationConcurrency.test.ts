import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startWithCustomers } from '../__testUtils__/customerActionsBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const admin = mockCredentials.user.header('user:default/alice');

describe.each(databases.eachSupportedId())(
  'concurrent Enterprise Portal invitations on %p',
  databaseId => {
    it('invite an email once: one 201, the others 409, one Activity entry', async () => {
      const { server } = await startWithCustomers(
        await databases.init(databaseId),
      );
      await request(server)
        .put(`${base}/v1/customers/c1/enterprise-portal`)
        .set('Authorization', admin)
        .send({ enabled: true })
        .expect(200);
      const emails = Array.from(
        { length: 8 },
        (_, i) => `user${i}@acme.example.com`,
      );
      for (const email of emails) {
        // Sent together, as a double click or two admins at once would.
        const answers = await Promise.all(
          Array.from({ length: 6 }, () =>
            request(server)
              .post(`${base}/v1/customers/c1/enterprise-portal/invitations`)
              .set('Authorization', admin)
              .send({ email }),
          ),
        );
        expect([email, answers.map(a => a.status).sort()]).toEqual([
          email,
          [201, 409, 409, 409, 409, 409],
        ]);
      }
      const audit = await request(server)
        .get(`${base}/v1/customers/c1/audit?limit=200`)
        .set('Authorization', admin)
        .expect(200);
      const invited = audit.body.items
        .filter((e: { action: string }) => e.action === 'portal-user-invited')
        .map((e: { details: { email: string } }) => e.details.email);
      expect(invited.sort()).toEqual(emails);
    });
  },
);
