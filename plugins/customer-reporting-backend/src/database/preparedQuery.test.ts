import { TestDatabases } from '@backstage/backend-test-utils';
import { preparedQuery } from './preparedQuery';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'preparedQuery on %p',
  databaseId => {
    it("builds once per database and binds each call's parameters beside the constants", async () => {
      const db = await databases.init(databaseId);
      await db.schema.createTable('things', table => {
        table.string('id').primary();
        table.string('kind');
        table.bigInteger('at');
      });
      await db('things').insert([
        { id: 'a', kind: 'x', at: 1 },
        { id: 'b', kind: 'x', at: 5 },
        { id: 'c', kind: 'y', at: 3 },
        { id: 'skipped', kind: 'x', at: 2 },
      ]);
      let builds = 0;
      const things = preparedQuery<{ kind: string; until: number }>(
        (knex, param) => {
          builds += 1;
          return knex('things')
            .where({ kind: param('kind') })
            .andWhere('at', '<=', param('until'))
            .andWhereNot('id', 'skipped')
            .whereIn(
              'id',
              knex('things').where('kind', param('kind')).select('id'),
            )
            .orderBy('id')
            .select('id');
        },
      );
      const ids = async (kind: string, until: number) =>
        (await things(db, { kind, until })).map(row => row.id);

      expect(await ids('x', 10)).toEqual(['a', 'b']);
      expect(await ids('x', 4)).toEqual(['a']);
      expect(await ids('y', 4)).toEqual(['c']);
      expect(await ids('z', 4)).toEqual([]);
      expect(builds).toBe(1);
    });
  },
);
