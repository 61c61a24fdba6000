import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { cacheSqliteStatements } from './sqliteStatementCache';

const migrationsDir = resolvePackagePath(
  '@customer-reporting/plugin-customer-reporting-backend',
  'migrations',
);

/**
 * Returns the plugin's database client, migrated to the latest schema unless
 * `backend.database.migrations.skip` (or the plugin's own) says otherwise.
 */
export async function getMigratedClient(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  cacheSqliteStatements(client);
  return client;
}
