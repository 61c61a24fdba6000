import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
// The router runs on the real clock: data must be recent.
const anHourAgo = new Date(Date.now() - 3600_000).toISOString();

async function startBackend(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      mockServices.database.factory({ knex }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: { customerReporting: { ingest: { maxBodyBytes: 100_000 } } },
      }),
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
    .send(testCustomer({ createdAt: '2024-06-01T09:00:00Z' }))
    .expect(200);
  return { server, knex, service, user: mockCredentials.user.header() };
}

describe.each(databases.eachSupportedId())(
  'customer-reporting router on %p',
  databaseId => {
    it('answers health without credentials', async () => {
      const { server } = await startBackend(databaseId);
      const res = await request(server).get(`${base}/health`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('accepts writes from services only', async () => {
      const { server, service, user } = await startBackend(databaseId);
      const body = {
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: anHourAgo,
            appStatus: 'ready',
          },
        ],
      };
      await request(server).post(`${base}/v1/check-ins`).send(body).expect(401);
      await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', user)
        .send(body)
        .expect(403);
      const res = await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send(body)
        .expect(200);
      expect(res.body).toEqual({ accepted: 1, duplicates: 0 });
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

    it('ingests install attempt and portal events, counting replays', async () => {
      const { server, service, knex } = await startBackend(databaseId);
      const attempts = {
        events: [
          {
            attemptId: 'a1',
            customerId: 'c1',
            type: 'started',
            at: anHourAgo,
            installType: 'helm',
          },
          {
            attemptId: 'a1',
            customerId: 'c1',
            type: 'completed',
            at: anHourAgo,
            instanceId: 'i1',
          },
        ],
      };
      const portal = {
        events: [
          {
            customerId: 'c1',
            type: 'downloaded',
            at: anHourAgo,
            version: '1.1.0',
          },
        ],
      };
      for (const [path, body, total] of [
        ['install-attempt-events', attempts, 2],
        ['portal-events', portal, 1],
      ] as const) {
        const first = await request(server)
          .post(`${base}/v1/${path}`)
          .set('Authorization', service)
          .send(body);
        expect(first.body).toEqual({ accepted: total, duplicates: 0 });
        const again = await request(server)
          .post(`${base}/v1/${path}`)
          .set('Authorization', service)
          .send(body);
        expect(again.body).toEqual({ accepted: 0, duplicates: total });
      }
      const attempt = await knex('install_attempts')
        .where({ id: 'a1' })
        .first();
      expect(attempt).toMatchObject({
        install_type: 'helm',
        instance_id: 'i1',
        furthest_step: 'completed',
      });
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
      expect(bad.body.error.message).toMatch(/query\/asOf must match format/);
      expect(bad.body.error.message).toMatch(/query\/includeInactive must be/);
    });

    it('answers 400 with every bad field and stores nothing', async () => {
      const { server, service, knex } = await startBackend(databaseId);
      const res = await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send({
          checkIns: [
            { instanceId: 'ok', customerId: 'c1' },
            { instanceId: 'x', customerId: 'c1', kurlNodesTotal: -1, bogus: 1 },
          ],
        })
        .expect(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.issues).toEqual(
        expect.arrayContaining([
          {
            index: 1,
            field: 'kurlNodesTotal',
            message: 'must not be negative',
          },
          { index: 1, field: 'bogus', message: 'is not a known field' },
        ]),
      );
      const [{ count }] = await knex('check_ins').count({ count: '*' });
      expect(Number(count)).toBe(0);
    });

    it('answers 404 naming an unknown customer', async () => {
      const { server, service } = await startBackend(databaseId);
      const res = await request(server)
        .post(`${base}/v1/portal-events`)
        .set('Authorization', service)
        .send({
          events: [{ customerId: 'ghost', type: 'accessed', at: anHourAgo }],
        })
        .expect(404);
      expect(res.body.error.message).toBe('Unknown customer: ghost');
    });

    it('answers 413 for a body over the limit and 400 for broken JSON', async () => {
      const { server, service } = await startBackend(databaseId);
      const big = {
        checkIns: Array.from({ length: 900 }, (_, i) => ({
          instanceId: `i${i}`,
          customerId: 'c1',
          clusterId: 'x'.repeat(200),
        })),
      };
      const res = await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send(big)
        .expect(413);
      expect(res.body.error.message).toContain('larger than the limit');
      await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .set('Content-Type', 'application/json')
        .send('{"checkIns": [')
        .expect(400);
    });

    it('rejects batches over 1,000 items', async () => {
      const { server, service } = await startBackend(databaseId);
      const events = Array.from({ length: 1001 }, () => ({
        customerId: 'c1',
        type: 'accessed',
        at: anHourAgo,
      }));
      const res = await request(server)
        .post(`${base}/v1/portal-events`)
        .set('Authorization', service)
        .send({ events })
        .expect(400);
      expect(res.body.error.issues[0]).toEqual({
        index: null,
        field: 'events',
        message: 'must hold at most 1000 items, got 1001',
      });
    });

    it('upserts customers and rejects unknown channels and bad path ids', async () => {
      const { server, service } = await startBackend(databaseId);
      const res = await request(server)
        .put(`${base}/v1/customers/c1`)
        .set('Authorization', service)
        .send(testCustomer({ name: 'Acme Renamed', licenseType: 'prod' }))
        .expect(200);
      expect(res.body).toMatchObject({
        id: 'c1',
        name: 'Acme Renamed',
        licenseType: 'paid',
      });
      const bad = await request(server)
        .put(`${base}/v1/customers/c2`)
        .set('Authorization', service)
        .send(testCustomer({ channelSlug: 'nightly' }))
        .expect(400);
      expect(bad.body.error.issues[0].field).toBe('channelSlug');
      await request(server)
        .put(`${base}/v1/customers/${encodeURIComponent('a b')}`)
        .set('Authorization', service)
        .send(testCustomer())
        .expect(400);
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
