import request from 'supertest';
import knexFactory from 'knex';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  API_BASE,
  SERVICE_AUTH,
  startSeededBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

// A database that cannot be written for a moment answers 503 with
// Retry-After in the JSON error format, and stores nothing: the caller
// sends the same batch again (docs/ingest.md, Errors). SQLite on a file,
// locked by another connection, is a database busy elsewhere.
describe('ingest while the database is unavailable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'customer-reporting-busy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 503, safe to retry, and stores the batch once retried', async () => {
    const filename = join(dir, 'db.sqlite');
    const open = () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename },
        useNullAsDefault: true,
        // One connection: the lock below is taken and let go on it.
        pool: { min: 1, max: 1 },
      });
    const knex = open();
    try {
      const server = await startSeededBackend(knex);
      const body = {
        checkIns: [{ instanceId: 'i1', customerId: 'c1', appStatus: 'ready' }],
      };
      const send = () =>
        request(server)
          .post(`${API_BASE}/v1/check-ins`)
          .set('Authorization', SERVICE_AUTH)
          .send(body);
      const locker = open();
      await locker.raw('BEGIN EXCLUSIVE');
      let res;
      try {
        res = await send();
      } finally {
        await locker.raw('ROLLBACK');
        await locker.destroy();
      }
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body.error).toEqual({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining('retry'),
      });
      const [{ count }] = await knex('check_ins').count({ count: '*' });
      expect(Number(count)).toBe(0);
      const retried = await send().expect(200);
      expect(retried.body).toEqual({ accepted: 1, duplicates: 0 });
    } finally {
      await knex.destroy();
    }
  });
});
