import { TestDatabases } from '@backstage/backend-test-utils';
import { cacheSqliteStatements } from './sqliteStatementCache';

const databases = TestDatabases.create();

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())('statement cache on %p', id => {
  it('reuses compiled SQLite statements, in and out of transactions, and leaves other clients alone', async () => {
    const knex = await databases.init(id);
    cacheSqliteStatements(knex);
    cacheSqliteStatements(knex);
    await knex.schema.createTable('t', table => {
      table.integer('n').primary();
    });
    const insert = (db: typeof knex, from: number) =>
      db('t').insert([{ n: from }, { n: from + 1 }]);
    await insert(knex, 1);
    await knex.transaction(tx => insert(tx, 3));
    expect((await knex('t').orderBy('n')).map(r => r.n)).toEqual([1, 2, 3, 4]);

    const connection = await knex.client.acquireConnection();
    const sql = 'select n from t';
    // The same statement object twice means the compiled one is reused.
    const first = connection.prepare?.(sql);
    const reused = first !== undefined && connection.prepare(sql) === first;
    await knex.client.releaseConnection(connection);
    const sqlite = id.startsWith('SQLITE');
    expect({
      reused,
      wrapped: Object.hasOwn(knex.client, 'acquireConnection'),
    }).toEqual({ reused: sqlite, wrapped: sqlite });
  });
});
