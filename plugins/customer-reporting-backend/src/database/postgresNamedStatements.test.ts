import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { preparedQuery } from './preparedQuery';
import { statementName } from './postgresNamedStatements';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const kindsOf = preparedQuery<{ kind: string }>((db, param) =>
  db('things')
    .where({ kind: param('kind') })
    .orderBy('id')
    .select('id'),
);

/** The names the session of the (only) pooled connection has prepared. */
async function preparedNames(db: Knex | Knex.Transaction) {
  const { rows } = await db.raw(
    `select name from pg_prepared_statements where name like 'customer_reporting_%'`,
  );
  return rows.map((row: { name: string }) => row.name);
}

describe.each(databases.eachSupportedId())(
  'named statements on %p',
  databaseId => {
    let db: Knex;

    beforeEach(async () => {
      const shared = await databases.init(databaseId);
      // One connection, so that the session the checks read is the one
      // the reads prepared their statements on.
      db = knexFactory({
        client: 'pg',
        connection: shared.client.config.connection,
        pool: { min: 1, max: 1 },
      });
      await db.schema.createTable('things', table => {
        table.string('id').primary();
        table.string('kind');
      });
      await db('things').insert([
        { id: 'a', kind: 'x' },
        { id: 'b', kind: 'y' },
        { id: 'c', kind: 'x' },
      ]);
    });

    afterEach(async () => {
      await db.destroy();
    });

    it('prepares a read once per connection under the digest of its text', async () => {
      expect(await kindsOf(db, { kind: 'x' })).toEqual([
        { id: 'a' },
        { id: 'c' },
      ]);
      expect(await kindsOf(db, { kind: 'y' })).toEqual([{ id: 'b' }]);
      const names = await preparedNames(db);
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/^customer_reporting_[0-9a-f]{32}$/);
    });

    it('reads unnamed inside a transaction, whose connection Knex holds', async () => {
      await db.transaction(async tx => {
        expect(await kindsOf(tx as unknown as Knex, { kind: 'y' })).toEqual([
          { id: 'b' },
        ]);
        expect(await preparedNames(tx)).toEqual([]);
      });
    });

    it('answers unnamed from then on when the server lost the statement, as behind a pooler in transaction mode', async () => {
      expect(await kindsOf(db, { kind: 'x' })).toHaveLength(2);
      // node-postgres still believes the statement prepared on this
      // connection: its next Bind meets "prepared statement … does not
      // exist" (26000), as when PgBouncer moved the client.
      await db.raw('deallocate all');
      expect(await kindsOf(db, { kind: 'x' })).toEqual([
        { id: 'a' },
        { id: 'c' },
      ]);
      expect(await kindsOf(db, { kind: 'y' })).toEqual([{ id: 'b' }]);
      expect(await preparedNames(db)).toEqual([]);
    });

    it('lets other errors through', async () => {
      const missing = preparedQuery<{ id: string }>((knex, param) =>
        knex('no_such_table').where({ id: param('id') }),
      );
      await expect(missing(db, { id: 'a' })).rejects.toMatchObject({
        code: '42P01',
      });
      expect(await kindsOf(db, { kind: 'y' })).toEqual([{ id: 'b' }]);
      expect(await preparedNames(db)).toHaveLength(1);
    });
  },
);

describe('statementName', () => {
  it('names one text alike in every process, and two texts apart', () => {
    const text = 'select * from "things" where "kind" = $1';
    expect(statementName(text)).toBe(statementName(`${text}`));
    expect(statementName(text)).not.toBe(statementName(`${text} limit 1`));
    // PostgreSQL truncates names beyond 63 bytes.
    expect(statementName(text).length).toBeLessThanOrEqual(63);
  });
});
