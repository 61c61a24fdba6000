import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's migrations, as the tests of one migration run them. */
export const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@customer-reporting/plugin-customer-reporting-backend',
  'migrations',
);

/**
 * Runs the migrations before `name`, one by one, so a test can store rows
 * in the schema as it was when `name` first met them.
 */
export async function migrateUpTo(knex: Knex, name: string): Promise<void> {
  const directory = MIGRATIONS_DIRECTORY;
  while ((await knex.migrate.list({ directory }))[1][0].file !== name)
    await knex.migrate.up({ directory });
}

/** An `install_attempts` row as the migrations of its columns find one. */
export function storedAttempt(
  id: string,
  fields: Record<string, unknown> = {},
) {
  return {
    id,
    customer_id: 'c1',
    started_at: 1,
    last_event_at: 5,
    steps: '[]',
    ...fields,
  };
}

/** An `install_attempt_events` row of customer c1 with its payload. */
export function storedAttemptEvent(
  id: string,
  attemptId: string,
  at: number,
  payload: Record<string, unknown> & { type: string },
) {
  return {
    id,
    attempt_id: attemptId,
    customer_id: 'c1',
    type: payload.type,
    at,
    payload: JSON.stringify(payload),
  };
}
