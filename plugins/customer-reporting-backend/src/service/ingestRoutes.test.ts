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
  'ingest routes on %p',
  databaseId => {
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
      // Any JSON parses; a root that is not an object is the batch's problem.
      for (const root of ['"x"', '123', 'null']) {
        const notObject = await request(server)
          .post(`${base}/v1/check-ins`)
          .set('Authorization', service)
          .set('Content-Type', 'application/json')
          .send(root)
          .expect(400);
        expect(notObject.body.error.issues).toEqual([
          {
            index: null,
            field: '(body)',
            message: 'must be an object with a "checkIns" array',
          },
        ]);
      }
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
  },
);
