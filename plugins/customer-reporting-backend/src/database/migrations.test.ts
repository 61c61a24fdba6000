import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { getMigratedClient } from './migrateDatabase';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const directory = resolvePackagePath(
  '@customer-reporting/plugin-customer-reporting-backend',
  'migrations',
);
const TABLES = [
  'apps',
  'channels',
  'releases',
  'customers',
  'instances',
  'check_ins',
  'instance_events',
  'instance_spans',
  'install_attempt_events',
  'install_attempts',
  'portal_events',
  'data_source_syncs',
  'alert_rules',
  'alert_mutes',
  'alert_states',
  'alert_deliveries',
];

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('migrate every step up and down, and up again', async () => {
    const knex = await databases.init(databaseId);
    await getMigratedClient(mockServices.database({ knex }));
    for (const table of TABLES)
      expect(await knex.schema.hasTable(table)).toBe(true);

    await knex.migrate.rollback({ directory }, true);
    for (const table of TABLES)
      expect(await knex.schema.hasTable(table)).toBe(false);

    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('check_ins')).toBe(true);
  });

  it('leave the schema alone when migrations are skipped', async () => {
    const knex = await databases.init(databaseId);
    await getMigratedClient(
      mockServices.database({ knex, migrations: { skip: true } }),
    );
    expect(await knex.schema.hasTable('customers')).toBe(false);
  });
});
