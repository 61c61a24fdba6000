import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MIGRATIONS_DIRECTORY as directory,
  migrateUpTo,
  storedAttempt,
  storedAttemptEvent,
} from '../__testUtils__/migrationSteps';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const name = '20261202010000_install_attempt_started_event_at.js';

describe.each(databases.eachSupportedId())(
  'the started event migration on %p',
  databaseId => {
    it('records the earliest started event of the install attempts already stored', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpTo(knex, name);
      const attempt = (id: string) => storedAttempt(id);
      await knex('install_attempts').insert([attempt('a1'), attempt('a2')]);
      const event = (id: string, attemptId: string, type: string, at: number) =>
        storedAttemptEvent(id, attemptId, at, { type });
      await knex('install_attempt_events').insert([
        event('e1', 'a1', 'step', 1),
        event('e2', 'a1', 'started', 4),
        event('e3', 'a1', 'started', 3),
        event('e4', 'a1', 'completed', 5),
        // Only the completion arrived: no start is known.
        event('e5', 'a2', 'completed', 5),
      ]);
      await knex.migrate.up({ directory, name });
      const rows = await knex('install_attempts')
        .orderBy('id')
        .select('id', 'started_event_at');
      expect(
        rows.map(r => [r.id, r.started_event_at && Number(r.started_event_at)]),
      ).toEqual([
        ['a1', 3],
        ['a2', null],
      ]);
      await knex.migrate.down({ directory, name });
      expect(
        await knex.schema.hasColumn('install_attempts', 'started_event_at'),
      ).toBe(false);
      // And up again: down gave the audit index its old columns back.
      await knex.migrate.up({ directory, name });
    });
  },
);
