import request from 'supertest';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { testCustomer } from '../__testUtils__/fixtures';
import { anHourAgo, startRouterBackend } from '../__testUtils__/routerBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';

async function startBackend(databaseId: TestDatabaseId) {
  return startRouterBackend(await databases.init(databaseId));
}

describe.each(databases.eachSupportedId())(
  'customer list and report routes on %p',
  databaseId => {
    it('answers health without credentials', async () => {
      const { server } = await startBackend(databaseId);
      const res = await request(server).get(`${base}/health`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('lets users and services read the customer list', async () => {
      const { server, service, user } = await startBackend(databaseId);
      await request(server).get(`${base}/v1/customers`).expect(401);
      for (const auth of [user, service]) {
        const res = await request(server)
          .get(`${base}/v1/customers`)
          .set('Authorization', auth)
          .expect(200);
        expect(res.body).toMatchObject({
          totalCount: 1,
          nextCursor: null,
          items: [
            {
              id: 'c1',
              name: 'Acme Corp',
              licenseTypeLabel: 'Paid',
              channelName: 'Stable',
            },
          ],
        });
      }
    });

    it('serves the customer report to users, with query validation', async () => {
      const { server, service, user } = await startBackend(databaseId);
      await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send({
          checkIns: [
            {
              instanceId: 'i1',
              customerId: 'c1',
              at: anHourAgo,
              appStatus: 'ready',
            },
          ],
        })
        .expect(200);
      const res = await request(server)
        .get(`${base}/v1/customers/c1/report`)
        .set('Authorization', user)
        .expect(200);
      expect(res.body).toMatchObject({
        customer: { id: 'c1', active: true },
        instanceCounts: { active: 1, airgap: 0, inactive: 0, archived: 0 },
        instances: [{ id: 'i1', status: 'ready' }],
        portal: { kind: 'download' },
      });
      expect(res.body.instances[0].uptime.days).toHaveLength(14);
      await request(server).get(`${base}/v1/customers/c1/report`).expect(401);
      await request(server)
        .get(`${base}/v1/customers/ghost/report`)
        .set('Authorization', user)
        .expect(404);
      const bad = await request(server)
        .get(
          `${base}/v1/customers/c1/report?asOf=yesterday&includeInactive=maybe`,
        )
        .set('Authorization', user)
        .expect(400);
      // Every problem, each naming its parameter (openapi.yaml's validation).
      expect(bad.body.error.message).toMatch(
        /query\/asOf must be an ISO 8601 time with a time zone/,
      );
      expect(bad.body.error.message).toMatch(/query\/includeInactive must be/);
    });

    it('pages through customers with a cursor and validates query parameters', async () => {
      const { server, service, user } = await startBackend(databaseId);
      for (const [id, name] of [
        ['c2', 'Globex'],
        ['c3', 'Initech'],
      ]) {
        await request(server)
          .put(`${base}/v1/customers/${id}`)
          .set('Authorization', service)
          .send(testCustomer({ name, licenseType: 'trial' }))
          .expect(200);
      }
      const first = await request(server)
        .get(`${base}/v1/customers?limit=2`)
        .set('Authorization', user)
        .expect(200);
      expect(first.body.items.map((c: { name: string }) => c.name)).toEqual([
        'Acme Corp',
        'Globex',
      ]);
      expect(first.body.totalCount).toBe(3);
      const second = await request(server)
        .get(`${base}/v1/customers?limit=2&cursor=${first.body.nextCursor}`)
        .set('Authorization', user)
        .expect(200);
      expect(second.body).toMatchObject({
        items: [{ name: 'Initech' }],
        nextCursor: null,
      });
      const trial = await request(server)
        .get(`${base}/v1/customers?licenseType=trial&search=glo`)
        .set('Authorization', user)
        .expect(200);
      expect(trial.body.items.map((c: { id: string }) => c.id)).toEqual(['c2']);
      const bad = await request(server)
        .get(`${base}/v1/customers?limit=0&licenseType=gold`)
        .set('Authorization', user)
        .expect(400);
      expect(bad.body.error.message).toMatch(/query\/limit must be >= 1/);
      expect(bad.body.error.message).toMatch(/query\/licenseType must be/);
      await request(server)
        .get(`${base}/v1/customers?cursor=nonsense`)
        .set('Authorization', user)
        .expect(400);

      const byCreated = await request(server)
        .get(`${base}/v1/customers?sort=createdAt&order=desc&limit=1`)
        .set('Authorization', user)
        .expect(200);
      // A cursor read with one sort is refused by another, not misapplied.
      const mismatch = await request(server)
        .get(`${base}/v1/customers?limit=1&cursor=${byCreated.body.nextCursor}`)
        .set('Authorization', user)
        .expect(400);
      expect(mismatch.body.error.issues[0].field).toBe('cursor');
      const wrong = await request(server)
        .get(`${base}/v1/customers?sort=health&order=up&status=ok`)
        .set('Authorization', user)
        .expect(400);
      for (const parameter of ['order', 'sort', 'status'])
        expect(wrong.body.error.message).toContain(
          `query/${parameter} must be`,
        );
      const none = await request(server)
        .get(`${base}/v1/customers?status=none&sort=status&channelSlug=stable`)
        .set('Authorization', user)
        .expect(200);
      expect(none.body.totalCount).toBe(3);
    });

    it('finds customers by name, id, email or custom id, whatever the case and the alphabet', async () => {
      const { server, service, user } = await startBackend(databaseId);
      await request(server)
        .put(`${base}/v1/customers/c2`)
        .set('Authorization', service)
        .send(
          testCustomer({
            name: 'École Normale',
            email: 'Ops@Ecole.example',
            customId: 'CRM-Ÿ-42',
          }),
        )
        .expect(200);
      const found = async (search: string) =>
        (
          await request(server)
            .get(`${base}/v1/customers?search=${encodeURIComponent(search)}`)
            .set('Authorization', user)
            .expect(200)
        ).body.items.map((c: { id: string }) => c.id);
      // SQL's lower() folds only ASCII on SQLite: these found nothing.
      expect(await found('ÉCOLE')).toEqual(['c2']);
      expect(await found('école normale')).toEqual(['c2']);
      // The same letter written decomposed (E + combining acute accent).
      expect(await found('E\u0301cole')).toEqual(['c2']);
      expect(await found('crm-ÿ')).toEqual(['c2']);
      expect(await found('OPS@ECOLE')).toEqual(['c2']);
      expect(await found('C2')).toEqual(['c2']);
      // Wildcards are literal.
      expect(await found('%')).toEqual([]);
      // A renamed customer is found by its new name only.
      await request(server)
        .put(`${base}/v1/customers/c2`)
        .set('Authorization', service)
        .send(testCustomer({ name: 'Lycée Victor Hugo' }))
        .expect(200);
      expect(await found('école')).toEqual([]);
      expect(await found('LYCÉE')).toEqual(['c2']);
    });

    it('lists the apps and channels of the visible customers', async () => {
      const { server, user } = await startBackend(databaseId);
      const res = await request(server)
        .get(`${base}/v1/apps`)
        .set('Authorization', user)
        .expect(200);
      expect(res.body).toEqual({
        items: [
          {
            slug: 'test-app',
            name: 'Test App',
            channels: [{ slug: 'stable', name: 'Stable' }],
          },
        ],
      });
      await request(server).get(`${base}/v1/apps`).expect(401);
      await request(server)
        .get(`${base}/v1/apps?appSlug=x`)
        .set('Authorization', user)
        .expect(400);
    });
  },
);
