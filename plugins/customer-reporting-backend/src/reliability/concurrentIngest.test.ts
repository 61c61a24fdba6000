import request from 'supertest';
import { Knex } from 'knex';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startSeededBackend } from '../__testUtils__/testBackend';

jest.setTimeout(300_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const service = mockCredentials.service.header();
const CLIENTS = 16;
// CI size; `yarn reliability` runs the full 200 batches per client.
const BATCHES = Number(process.env.RELIABILITY_BATCHES ?? 4);
const BATCH_SIZE = 100;
const INSTANCES = 8; // shared by all clients, so their writes interleave
const start = Date.now() - 10 * 86_400_000;
const STATUSES = ['ready', 'degraded', 'ready', 'unavailable', 'updating'];

/** Client c's check-in n: times interleave across clients, so every batch is out of order for someone. */
function checkIn(client: number, n: number) {
  const at = start + (n * CLIENTS + client) * 60_000;
  return {
    instanceId: `shared-${n % INSTANCES}`,
    customerId: 'c1',
    at: new Date(at).toISOString(),
    appStatus: STATUSES[(n + client) % STATUSES.length],
    customMetrics: { users: (n * 7 + client) % 50 },
  };
}

const FRESH = BATCH_SIZE * 0.9;

/** Batch b of a client: 90 new items, and 10 replays of items it sent before or now. */
function clientBatch(client: number, b: number) {
  const fresh = Array.from({ length: FRESH }, (_, i) =>
    checkIn(client, b * FRESH + i),
  );
  const sent = (b + 1) * FRESH;
  const again = Array.from({ length: BATCH_SIZE - FRESH }, (_, i) =>
    checkIn(client, (i * 13 + b * 7) % sent),
  );
  return { items: [...fresh, ...again], replays: again.length };
}

async function backend(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  return { server: await startSeededBackend(knex), knex };
}

async function derivedState(knex: Knex) {
  const strip = (rows: any[]) =>
    rows
      .map(({ updated_at: _u, received_at: _r, ...rest }) =>
        JSON.stringify(rest),
      )
      .sort();
  return {
    instances: strip(await knex('instances').select()),
    events: strip(await knex('instance_events').select()),
    spans: strip(await knex('instance_spans').select()),
  };
}

describe.each(databases.eachSupportedId())(
  'concurrent ingest on %p',
  databaseId => {
    it('stores exactly the unique items sent by 16 concurrent clients with 10 % replays, as in-order delivery would', async () => {
      const { server, knex } = await backend(databaseId);
      let accepted = 0;
      let duplicates = 0;
      let replays = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          for (let b = 0; b < BATCHES; b++) {
            const batch = clientBatch(client, b);
            replays += batch.replays;
            const res = await request(server)
              .post(`${base}/v1/check-ins`)
              .set('Authorization', service)
              .send({ checkIns: batch.items })
              .expect(200);
            accepted += res.body.accepted;
            duplicates += res.body.duplicates;
          }
        }),
      );
      const unique = CLIENTS * BATCHES * BATCH_SIZE * 0.9;
      expect({ accepted, duplicates }).toEqual({
        accepted: unique,
        duplicates: replays,
      });
      const [{ count }] = await knex('check_ins').count({ count: '*' });
      expect(Number(count)).toBe(unique);

      // The same unique items, sent once and in time order, derive the same state.
      const ordered = await backend(databaseId);
      const all = Array.from({ length: CLIENTS }, (_, client) =>
        Array.from({ length: BATCHES * BATCH_SIZE * 0.9 }, (__, n) =>
          checkIn(client, n),
        ),
      )
        .flat()
        .sort((a, b) => a.at.localeCompare(b.at));
      for (let i = 0; i < all.length; i += 1000) {
        await request(ordered.server)
          .post(`${base}/v1/check-ins`)
          .set('Authorization', service)
          .send({ checkIns: all.slice(i, i + 1000) })
          .expect(200);
      }
      expect(await derivedState(knex)).toEqual(
        await derivedState(ordered.knex),
      );
    });
  },
);
