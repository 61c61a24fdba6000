import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  BulkTable,
  insertNewRows,
  insertRows,
  upsertRows,
  upsertRowsTogether,
} from './bulkRows';
import { cacheSqliteStatements } from './sqliteStatementCache';
import { whereAnyOf } from './whereAnyOf';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

const THINGS: BulkTable = {
  name: 'things',
  columns: ['id', 'at', 'flag', 'note'],
  pgTypes: ['text', 'bigint', 'boolean', 'text'],
  key: ['id', 'at'],
};

// Later than 2^32 ms, as check-in times are: bigint must survive the trip.
const T = 1_751_328_000_000;

describe.each(databases.eachSupportedId())('bulkRows on %p', databaseId => {
  async function setup() {
    const knex = await databases.init(databaseId);
    cacheSqliteStatements(knex);
    await knex.schema.createTable('things', t => {
      t.string('id', 100).notNullable();
      t.bigInteger('at').notNullable();
      t.boolean('flag').notNullable();
      t.text('note').nullable();
      t.primary(['id', 'at']);
    });
    return knex;
  }

  async function stored(knex: Knex) {
    const rows = await knex('things').orderBy(['id', 'at']);
    return rows.map(r => [r.id, Number(r.at), Boolean(r.flag), r.note]);
  }

  it('inserts only new keys and says which rows it inserted', async () => {
    const knex = await setup();
    const first = await knex.transaction(tx =>
      insertNewRows(tx, THINGS, [
        ['a', T, true, null],
        ['b', T, false, 'it\'s "quoted", {braces}\\'],
      ]),
    );
    const second = await knex.transaction(tx =>
      insertNewRows(tx, THINGS, [
        ['b', T, true, 'ignored'],
        ['b', T + 1, true, 'new'],
      ]),
    );
    expect({ first, second, rows: await stored(knex) }).toEqual({
      first: [true, true],
      second: [false, true],
      rows: [
        ['a', T, true, null],
        ['b', T, false, 'it\'s "quoted", {braces}\\'],
        ['b', T + 1, true, 'new'],
      ],
    });
  });

  it('stores text as a plain Knex parameter stores it', async () => {
    const knex = await setup();
    const note = 'lone \ud800 surrogate, \u{1f600} pair, line\nbreak, \\"';
    await knex('things').insert({ id: 'plain', at: T, flag: false, note });
    await knex.transaction(tx =>
      insertRows(tx, THINGS, [['bulk', T, false, note]]),
    );
    const [bulk, plain] = (await stored(knex)).map(r => r[3]);
    expect({ same: bulk === plain, pair: bulk.includes('\u{1f600}') }).toEqual({
      same: true,
      pair: true,
    });
  });

  it('stores the extremes of every column type as given', async () => {
    const knex = await setup();
    // On PostgreSQL plain inserts are a binary COPY (copyRows): text needs
    // no escaping there, and the buffer grows past its first estimate.
    const rows = [
      ['\\N', -T, false, '\\N'],
      ['tab\tline\nreturn\r back\\slash', Number.MAX_SAFE_INTEGER, true, ''],
      ['ünï ☃ \u{1f600}', 0, false, 'long '.repeat(2000)],
      ['z', Number.MIN_SAFE_INTEGER, true, null],
    ];
    await knex.transaction(tx => insertRows(tx, THINGS, rows));
    // In code-unit order: the databases' collations differ.
    const byId = (a: unknown[], b: unknown[]) => (a[0]! < b[0]! ? -1 : 1);
    expect((await stored(knex)).sort(byId)).toEqual([...rows].sort(byId));
  });

  it('writes a value unlike its column type as a plain insert does', async () => {
    const knex = await setup();
    // A number in a text column does not fit COPY's binary form: such rows
    // take the INSERT path, and the number is stored as each engine does.
    await knex('things').insert({ id: 'plain', at: T, flag: true, note: 42 });
    await knex.transaction(tx =>
      insertRows(tx, THINGS, [
        ['bulk', T, true, 42],
        ['text', T, false, 'text'],
      ]),
    );
    const [bulk, plain, text] = (await stored(knex)).map(r => r[3]);
    expect({ bulk, text }).toEqual({ bulk: plain, text: 'text' });
  });

  it('refuses to write through a finished transaction', async () => {
    const knex = await setup();
    const tx = await knex.transaction();
    await tx.commit();
    await expect(
      insertRows(tx, THINGS, [['late', T, false, '']]),
    ).rejects.toThrow(/Transaction already complete: not writing things/);
    expect(await knex(THINGS.name).where({ id: 'late' })).toEqual([]);
  });

  it('fails on a missing table, leaving the session usable', async () => {
    const knex = await setup();
    // On PostgreSQL the rows of a COPY go out with the statement: the
    // server must drop them when the statement fails, and the session
    // must go on (here in the same transaction, after a savepoint).
    const missing = { ...THINGS, name: 'no_such_table' };
    const after = await knex.transaction(async tx => {
      await expect(
        tx.transaction(inner =>
          insertRows(inner, missing, [['a', T, true, '']]),
        ),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/no_such_table/),
      });
      await insertRows(tx, THINGS, [['b', T, false, 'after']]);
      return stored(tx);
    });
    expect(after).toEqual([['b', T, false, 'after']]);
  });

  it('rewrites only the named columns of stored keys', async () => {
    const knex = await setup();
    await knex.transaction(async tx => {
      await insertRows(tx, THINGS, [['a', T, false, 'kept']]);
      await upsertRows(
        tx,
        THINGS,
        [
          ['a', T, true, 'not written'],
          ['c', T, false, 'created'],
        ],
        ['flag'],
      );
    });
    expect(await stored(knex)).toEqual([
      ['a', T, true, 'kept'],
      ['c', T, false, 'created'],
    ]);
  });

  it('upserts into several tables together as one after the other', async () => {
    const knex = await setup();
    await knex.schema.createTable('counts', t => {
      t.string('id', 100).primary();
      t.integer('count').notNullable();
    });
    const COUNTS: BulkTable = {
      name: 'counts',
      columns: ['id', 'count'],
      pgTypes: ['text', 'integer'],
      key: ['id'],
    };
    await knex.transaction(async tx => {
      await insertRows(tx, THINGS, [['a', T, false, 'kept']]);
      await insertRows(tx, COUNTS, [['x', 1]]);
      await upsertRowsTogether(tx, [
        {
          table: THINGS,
          rows: [['a', T, true, 'not written']],
          update: ['flag'],
        },
        { table: COUNTS, rows: [], update: ['count'] },
      ]);
      await upsertRowsTogether(tx, [
        { table: THINGS, rows: [['c', T, false, 'created']], update: ['flag'] },
        {
          table: COUNTS,
          rows: [
            ['x', 2],
            ['y', 3],
          ],
          update: ['count'],
        },
      ]);
    });
    // A failing upsert writes nothing of the others.
    await expect(
      knex.transaction(tx =>
        upsertRowsTogether(tx, [
          { table: COUNTS, rows: [['z', 9]], update: ['count'] },
          {
            table: THINGS,
            rows: [['d', T, true, null]],
            update: ['no_such_column'],
          },
        ]),
      ),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/no_such_column/),
    });
    expect({
      things: await stored(knex),
      counts: await knex('counts').orderBy('id').select('id', 'count'),
    }).toEqual({
      things: [
        ['a', T, true, 'kept'],
        ['c', T, false, 'created'],
      ],
      counts: [
        { id: 'x', count: 2 },
        { id: 'y', count: 3 },
      ],
    });
  });

  it('writes more rows than one multi-row insert holds', async () => {
    const knex = await setup();
    const rows = Array.from({ length: 1203 }, (_, i) => [
      `i${String(i).padStart(4, '0')}`,
      T + i,
      i % 2 === 0,
      null,
    ]);
    const flags = await knex.transaction(tx =>
      insertNewRows(tx, THINGS, [...rows, rows[7]]),
    );
    expect({
      inserted: flags.filter(Boolean).length,
      rows: await stored(knex),
    }).toEqual({ inserted: 1203, rows });
  });

  it('fails on a stored key without a conflict rule, writing nothing', async () => {
    const knex = await setup();
    await knex.transaction(tx => insertRows(tx, THINGS, [['a', T, true, '']]));
    // better-sqlite3's errors are not always `Error`s to jest's toThrow.
    await expect(
      knex.transaction(tx =>
        insertRows(tx, THINGS, [
          ['z', T, true, ''],
          ['a', T, true, ''],
        ]),
      ),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/UNIQUE constraint|duplicate key/),
    });
    expect(await stored(knex)).toEqual([['a', T, true, '']]);
  });

  it('inserts a row once when two writers race for it', async () => {
    const knex = await setup();
    const rows = ['a', 'b', 'c', 'd'].map(id => [id, T, true, null]);
    const results = await Promise.all([
      knex.transaction(tx => insertNewRows(tx, THINGS, rows)),
      knex.transaction(tx => insertNewRows(tx, THINGS, [...rows].reverse())),
    ]);
    const insertedOf = (id: string) =>
      results[0][rows.findIndex(r => r[0] === id)] ===
      !results[1][3 - rows.findIndex(r => r[0] === id)];
    expect({
      eachOnce: ['a', 'b', 'c', 'd'].every(insertedOf),
      rows: (await stored(knex)).length,
    }).toEqual({ eachOnce: true, rows: 4 });
  });

  it('selects rows whose column is any of a list, whatever its length', async () => {
    const knex = await setup();
    const ids = ['a', "b'", 'c,d', 'e"', 'f'];
    await knex.transaction(tx =>
      insertRows(
        tx,
        THINGS,
        ids.map(id => [id, T, true, null]),
      ),
    );
    const select = (wanted: string[]) =>
      knex.transaction(async tx =>
        (
          await whereAnyOf(tx, tx('things'), 'id', wanted)
            .orderBy('id')
            .select('id')
        ).map((r: { id: string }) => r.id),
      );
    expect({
      some: await select(["b'", 'c,d', 'e"', 'x']),
      none: await select([]),
    }).toEqual({ some: ["b'", 'c,d', 'e"'], none: [] });
  });
});
