import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MIGRATIONS_DIRECTORY as directory,
  migrateUpTo,
  storedAttempt,
  storedAttemptEvent,
} from '../__testUtils__/migrationSteps';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const name = '20261203010000_install_attempt_first_event_at.js';

describe.each(databases.eachSupportedId())(
  'the first event migration on %p',
  databaseId => {
    it('records the earliest event of the install attempts already stored', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpTo(knex, name);
      const attempt = (id: string, startedAt: number) =>
        storedAttempt(id, { started_at: startedAt });
      await knex('install_attempts').insert([
        attempt('a1', 4),
        attempt('a2', 2),
      ]);
      const event = (id: string, attemptId: string, type: string, at: number) =>
        storedAttemptEvent(id, attemptId, at, { type });
      await knex('install_attempt_events').insert([
        // A step stamped before the started event.
        event('e1', 'a1', 'step', 3),
        event('e2', 'a1', 'started', 4),
        event('e3', 'a1', 'completed', 5),
        event('e4', 'a2', 'started', 2),
        event('e5', 'a2', 'failed', 5),
      ]);
      await knex.migrate.up({ directory, name });
      const rows = await knex('install_attempts')
        .orderBy('id')
        .select('id', 'first_event_at');
      expect(rows.map(r => [r.id, Number(r.first_event_at)])).toEqual([
        ['a1', 3],
        ['a2', 2],
      ]);
      await knex.migrate.down({ directory, name });
      expect(
        await knex.schema.hasColumn('install_attempts', 'first_event_at'),
      ).toBe(false);
      await knex.migrate.up({ directory, name });
    });
  },
);
