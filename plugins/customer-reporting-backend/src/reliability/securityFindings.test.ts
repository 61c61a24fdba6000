import { gzipSync } from 'zlib';
import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  INGEST_ONLY_HEADER,
  ingestTeamCustomers,
  startWithProductionPolicy,
  userHeader,
} from '../__testUtils__/productionPolicyBackend';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const base = '/api/customer-reporting';
const recent = new Date(Date.now() - 3600_000).toISOString();

/**
 * The findings of #16 on the shipped policy, users reading only their own
 * customers: team-a owns c1 and is a license admin, team-b owns c2 and is not.
 */
async function startOwnersOnly(
  knex: Parameters<typeof startWithProductionPolicy>[0],
) {
  const server = await startWithProductionPolicy(knex, {
    readOwnCustomersOnly: true,
    groups: { licenseAdmins: ['user:default/team-a'] },
  });
  const ingest = await ingestTeamCustomers(server);
  await ingest('post', '/v1/check-ins', {
    checkIns: [
      { instanceId: 'i1', customerId: 'c1', at: recent },
      { instanceId: 'i2', customerId: 'c2', at: recent },
    ],
  });
  await ingest('post', '/v1/install-attempt-events', {
    events: [
      { attemptId: 'a1', customerId: 'c1', type: 'started', at: recent },
      { attemptId: 'a2', customerId: 'c2', type: 'started', at: recent },
    ],
  });
  return server;
}

describe.each(databases.eachSupportedId())(
  'security findings of #16 on %p',
  databaseId => {
    it('hides other owners’ customers everywhere and answers unknown and foreign ones alike', async () => {
      const server = await startOwnersOnly(await databases.init(databaseId));
      const get = (path: string) =>
        request(server)
          .get(`${base}${path}`)
          .set('Authorization', userHeader('team-a'));

      const customers = await get('/v1/customers').expect(200);
      expect(customers.body.items.map((c: { id: string }) => c.id)).toEqual([
        'c1',
      ]);
      const attempts = await get('/v1/install-attempts').expect(200);
      expect(
        attempts.body.items.map(
          (a: { customer: { id: string } }) => a.customer.id,
        ),
      ).toEqual(['c1']);
      expect(
        (await get('/v1/install-attempts/summary').expect(200)).text,
      ).not.toContain('c2');

      // No existence oracle: a foreign and an unknown id answer the same.
      for (const [foreign, unknown] of [
        ['/v1/instances/i2', '/v1/instances/nope'],
        ['/v1/instances/i2/events', '/v1/instances/nope/events'],
        ['/v1/customers/c2/report', '/v1/customers/nope/report'],
        [
          '/v1/customers/c2/helm-instructions',
          '/v1/customers/nope/helm-instructions',
        ],
      ]) {
        const a = await get(foreign);
        const b = await get(unknown);
        expect([foreign, a.status, unknown, b.status]).toEqual([
          foreign,
          403,
          unknown,
          403,
        ]);
        expect(a.body.error.message.replace(/i2|c2/, 'X')).toBe(
          b.body.error.message.replace(/nope/, 'X'),
        );
      }
      await get('/v1/instances/i1').expect(200);
    });

    it('gives the license ID only to license admins, never to be cached', async () => {
      const server = await startOwnersOnly(await databases.init(databaseId));
      const admin = await request(server)
        .get(`${base}/v1/customers/c1/report`)
        .set('Authorization', userHeader('team-a'))
        .expect(200);
      expect(admin.body.customer.licenseId).toBe('lic-c1');
      expect(admin.headers['cache-control']).toBe('no-store');

      const reader = await request(server)
        .get(`${base}/v1/customers/c2/report`)
        .set('Authorization', userHeader('team-b'))
        .expect(200);
      expect(reader.body.customer.licenseId).toBeNull();
      expect(reader.text).not.toContain('lic-c2');
      const helm = await request(server)
        .get(`${base}/v1/customers/c2/helm-instructions`)
        .set('Authorization', userHeader('team-b'));
      expect(helm.text).not.toContain('lic-c2');
    });

    it('answers 404 for an unknown instance to a caller who may read every customer', async () => {
      const server = await startWithProductionPolicy(
        await databases.init(databaseId),
      );
      const res = await request(server)
        .get(`${base}/v1/instances/nope`)
        .set('Authorization', userHeader('plain'))
        .expect(404);
      expect(res.body.error.name).toBe('NotFoundError');
    });

    it('answers a corrupt gzip body and control characters with InputError', async () => {
      const server = await startWithProductionPolicy(
        await databases.init(databaseId),
      );
      const corrupt = await request(server)
        .put(`${base}/v1/apps/test-app`)
        .set('Authorization', INGEST_ONLY_HEADER)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(gzipSync(JSON.stringify(TEST_APP)).subarray(0, 20))
        .expect(400);
      expect(corrupt.body.error.name).toBe('InputError');
      expect(corrupt.body.error.message).toMatch(/could not be decompressed/);

      const hostile = await request(server)
        .put(`${base}/v1/apps/test-app`)
        .set('Authorization', INGEST_ONLY_HEADER)
        .send({
          ...TEST_APP,
          channels: [
            {
              ...TEST_APP.channels[0],
              releases: [
                {
                  sequence: 1,
                  versionLabel: '1.0.0\n$(reboot)',
                  promotedAt: '2024-05-01T00:00:00Z',
                },
              ],
            },
          ],
        })
        .expect(400);
      expect(hostile.body.error.name).toBe('InputError');
      expect(hostile.body.error.issues).toEqual([
        expect.objectContaining({
          field: 'channels.0.releases.0.versionLabel',
          message: 'must not be blank or contain control characters',
        }),
      ]);
      await request(server)
        .put(`${base}/v1/customers/c1`)
        .set('Authorization', INGEST_ONLY_HEADER)
        .send(testCustomer({ licenseId: 'lic-1\u0007' }))
        .expect(400);
    });
  },
);

describe('error bodies', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it.each([
    ['production', false],
    ['development', true],
  ])('carry a stack only in development (NODE_ENV=%s)', async (env, stack) => {
    process.env.NODE_ENV = env;
    const server = await startWithProductionPolicy(
      await databases.init('SQLITE_3'),
    );
    const res = await request(server)
      .get(`${base}/v1/customers/nope/report`)
      .set('Authorization', userHeader('plain'))
      .expect(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(res.body.error.stack !== undefined).toBe(stack);
    // No absolute source paths either.
    expect(/\/[\w./-]+\.(ts|js):\d+/.test(res.text)).toBe(stack);
  });
});
