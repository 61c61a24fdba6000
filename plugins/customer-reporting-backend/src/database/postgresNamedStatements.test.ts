import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { preparedQuery } from './preparedQuery';
import { statementName } from './postgresNamedStatements';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const postgres = databases.eachSupportedId();

const kindsOf = preparedQuery<{ kind: string }>((db, param) =>
  db('things')
    .where({ kind: param('kind') })
    .orderBy('id')
    .select('id'),
);
/** The text Knex compiles kindsOf to on PostgreSQL. */
const KINDS_OF_TEXT = `select "id" from "things" where "kind" = $1 order by "id" asc`;

/** The names the session of the (only) pooled connection has prepared. */
async function preparedNames(db: Knex | Knex.Transaction) {
  const { rows } = await db.raw(
    `select name from pg_prepared_statements where name like 'customer_reporting_%'`,
  );
  return rows.map((row: { name: string }) => row.name);
}

/** Counts the statements sent with a name on the pool's one connection from now on. */
async function watchNamedSends(db: Knex) {
  const connection = await db.client.acquireConnection();
  await db.client.releaseConnection(connection);
  const query = jest.spyOn(connection, 'query');
  return () =>
    query.mock.calls.filter(
      ([config]: unknown[]) => (config as { name?: string } | null)?.name,
    ).length;
}

/** The read answers right, and from then on without sending a name. */
async function expectUnnamedFromNowOn(db: Knex) {
  expect(await kindsOf(db, { kind: 'x' })).toEqual([{ id: 'a' }, { id: 'c' }]);
  const namedSends = await watchNamedSends(db);
  expect(await kindsOf(db, { kind: 'y' })).toEqual([{ id: 'b' }]);
  expect(namedSends()).toBe(0);
}

// Without a PostgreSQL server (outside CI, no connection string) there is
// nothing to prepare statements on.
(postgres.length > 0
  ? describe.each(postgres)
  : describe.skip.each([['POSTGRES_15']]))(
  'named statements on %p',
  databaseId => {
    let db: Knex;

    beforeEach(async () => {
      const shared = await databases.init(databaseId as 'POSTGRES_15');
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
      jest.restoreAllMocks();
      await db.destroy();
    });

    it('prepares a read once per connection under the digest of its text', async () => {
      expect(await kindsOf(db, { kind: 'x' })).toEqual([
        { id: 'a' },
        { id: 'c' },
      ]);
      expect(await kindsOf(db, { kind: 'y' })).toEqual([{ id: 'b' }]);
      expect(await preparedNames(db)).toEqual([statementName(KINDS_OF_TEXT)]);
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
      const warn = jest.spyOn(db.client.logger, 'warn');
      expect(await kindsOf(db, { kind: 'x' })).toHaveLength(2);
      // node-postgres still believes the statement prepared on this
      // connection: its next Bind meets "prepared statement … does not
      // exist" (26000), as when PgBouncer moved the client.
      await db.raw('deallocate all');
      await expectUnnamedFromNowOn(db);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/\(26000\)/));
    });

    it('answers unnamed when the name is taken on the server (42P05)', async () => {
      const warn = jest.spyOn(db.client.logger, 'warn');
      // What another client's Parse on a shared server connection leaves.
      await db.raw(
        `prepare ${statementName(KINDS_OF_TEXT)} as select 'not ours' as id`,
      );
      await expectUnnamedFromNowOn(db);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/\(42P05\)/));
    });

    it('reads on after a migration outdated a prepared statement, preparing it again on a new connection', async () => {
      const things = preparedQuery<{ kind: string }>((knex, param) =>
        knex('things')
          .where({ kind: param('kind') })
          .orderBy('id'),
      );
      expect(await things(db, { kind: 'y' })).toEqual([{ id: 'b', kind: 'y' }]);
      // `*` now has one more column: the prepared plan's result type no
      // longer fits ("cached plan must not change result type", 0A000).
      await db.schema.alterTable('things', table => {
        table.integer('size');
      });
      expect(await things(db, { kind: 'y' })).toEqual([
        { id: 'b', kind: 'y', size: null },
      ]);
      expect(await things(db, { kind: 'x' })).toHaveLength(2);
      expect(await preparedNames(db)).toHaveLength(1);
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
  it('names a text by its digest, the same in every process', () => {
    const text = 'select "id" from "things" where "kind" = $1';
    expect(statementName(text)).toBe(
      'customer_reporting_957944ca0c08c96de938d42fc62175de',
    );
    expect(statementName(`${text} limit 1`)).not.toBe(statementName(text));
    // PostgreSQL cuts names beyond 63 bytes.
    expect(statementName(text).length).toBeLessThanOrEqual(63);
  });
});
