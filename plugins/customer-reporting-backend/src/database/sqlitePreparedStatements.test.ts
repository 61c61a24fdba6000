import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { querySqlitePrepared } from './sqlitePreparedStatements';

// On a real better-sqlite3 database file, one connection as the plugin's
// SQLite pool has.
describe('querySqlitePrepared', () => {
  const dir = mkdtempSync(join(tmpdir(), 'customer-reporting-prepared-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let db: Knex;
  let file = 0;

  beforeEach(async () => {
    file += 1;
    db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, `${file}.sqlite`) },
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
    });
    await db.schema.createTable('things', table => {
      table.string('id').primary();
      table.boolean('done');
      table.bigInteger('at');
    });
    await db('things').insert([
      { id: 'a', done: true, at: 1 },
      { id: 'b', done: false, at: 5 },
    ]);
  });
  afterEach(() => db.destroy());

  const SQL = 'select * from `things` where `at` <= ? order by `id`';

  it("prepares a read once per connection and binds each call's values", async () => {
    const connection = await db.client.acquireConnection();
    const prepare = jest.spyOn(connection, 'prepare');
    await db.client.releaseConnection(connection);

    expect(await querySqlitePrepared(db, SQL, [10])).toEqual([
      { id: 'a', done: 1, at: 1 },
      { id: 'b', done: 0, at: 5 },
    ]);
    expect(await querySqlitePrepared(db, SQL, [4])).toEqual([
      { id: 'a', done: 1, at: 1 },
    ]);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('binds booleans and dates as numbers, as Knex does', async () => {
    const sql = 'select `id` from `things` where `done` = ? and `at` <= ?';
    expect(await querySqlitePrepared(db, sql, [false, new Date(9)])).toEqual([
      { id: 'b' },
    ]);
  });

  it('reads on after a schema change, with the columns the table has now', async () => {
    await querySqlitePrepared(db, SQL, [10]);
    await db.schema.alterTable('things', table => table.string('note'));
    await db('things').update({ note: 'n' });
    expect(await querySqlitePrepared(db, SQL, [1])).toEqual([
      { id: 'a', done: 1, at: 1, note: 'n' },
    ]);
  });

  it('leaves a read inside a transaction to Knex, which holds its connection', async () => {
    await db.transaction(async trx => {
      expect(await querySqlitePrepared(trx, SQL, [10])).toBeUndefined();
    });
  });

  it("lets the driver's errors through with their code, such as a database locked elsewhere", async () => {
    await db.raw('pragma busy_timeout = 50');
    const locker = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, `${file}.sqlite`) },
      useNullAsDefault: true,
    });
    await locker.raw('BEGIN EXCLUSIVE');
    try {
      await expect(querySqlitePrepared(db, SQL, [10])).rejects.toMatchObject({
        code: 'SQLITE_BUSY',
      });
    } finally {
      await locker.raw('ROLLBACK');
      await locker.destroy();
    }
    expect(await querySqlitePrepared(db, SQL, [1])).toHaveLength(1);
  });
});
