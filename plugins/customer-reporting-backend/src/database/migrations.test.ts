import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { getMigratedClient } from './migrateDatabase';
import {
  MIGRATIONS_DIRECTORY,
  migrateUpTo,
  storedAttempt,
  storedAttemptEvent,
} from '../__testUtils__/migrationSteps';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const directory = MIGRATIONS_DIRECTORY;
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

  it('index the failure groups on SQLite only, over the attempts already stored', async () => {
    const knex = await databases.init(databaseId);
    const name = '20261129060000_install_attempt_failure_groups_index.js';
    // Every migration before it, then an attempt stored, then the index.
    await migrateUpTo(knex, name);
    await knex('install_attempts').insert({
      id: 'a1',
      customer_id: 'c1',
      started_at: 1,
      failed_at: 2,
      failed_step: 'started',
      reason: 'boom',
      reason_key: 'boom',
      last_event_at: 2,
      steps: '[]',
    });
    await knex.migrate.up({ directory, name });
    const sqlite = knex.client.config.client === 'better-sqlite3';
    const indexed = async () =>
      sqlite
        ? knex
            .raw(
              'select reason from install_attempts indexed by install_attempts_failures',
            )
            .then(rows => rows.map((r: { reason: string }) => r.reason))
        : knex('pg_indexes')
            .where({ indexname: 'install_attempts_failures' })
            .select('indexname');
    expect(await indexed()).toEqual(sqlite ? ['boom'] : []);
    await knex.migrate.down({ directory, name });
    const after = await indexed().then(JSON.stringify, e => String(e));
    expect(after).toMatch(sqlite ? /no such index/ : /^\[\]$/);
  });

  it('record the step of each install attempt event already stored', async () => {
    const knex = await databases.init(databaseId);
    const name = '20261129090000_install_attempt_event_steps.js';
    await migrateUpTo(knex, name);
    const event = (
      id: string,
      payload: { type: string; [k: string]: unknown },
    ) => storedAttemptEvent(id, 'a1', 1, payload);
    await knex('install_attempt_events').insert([
      event('e1', { type: 'started', installType: 'helm' }),
      event('e2', { type: 'step', step: 'registry-login' }),
      event('e3', { type: 'failed', step: 'images-pulled', reason: 'x' }),
      event('e4', { type: 'completed' }),
    ]);
    await knex.migrate.up({ directory, name });
    expect(
      await knex('install_attempt_events').orderBy('id').select('id', 'step'),
    ).toEqual([
      { id: 'e1', step: 'started' },
      { id: 'e2', step: 'registry-login' },
      { id: 'e3', step: null },
      { id: 'e4', step: 'completed' },
    ]);
  });

  it('fill in the search text of the customers already stored', async () => {
    const knex = await databases.init(databaseId);
    const name = '20261130010000_customer_search_text.js';
    await migrateUpTo(knex, name);
    const customer = (id: string, fields: Record<string, unknown>) => ({
      id,
      app_slug: 'app',
      channel_slug: 'stable',
      license_type: 'paid',
      license_id: `lic-${id}`,
      created_at: 1,
      features: '{}',
      custom_fields: '[]',
      portal_slug: `slug-${id}`,
      updated_at: 1,
      ...fields,
    });
    await knex('customers').insert([
      customer('C1', { name: 'École', email: 'A@B.example', custom_id: 'X-1' }),
      customer('c2', { name: 'Globex' }),
    ]);
    await knex.migrate.up({ directory, name });
    expect(
      await knex('customers').orderBy('id').select('id', 'search_text'),
    ).toEqual([
      { id: 'C1', search_text: 'école\nc1\na@b.example\nx-1' },
      { id: 'c2', search_text: 'globex\nc2\n\n' },
    ]);
  });

  it('give the air gap install attempts already stored an offline registry', async () => {
    const knex = await databases.init(databaseId);
    const name = '20261130020000_air_gap_attempts_offline_registry.js';
    await migrateUpTo(knex, name);
    const attempt = (
      id: string,
      network_mode: string,
      registry: string | null,
    ) => storedAttempt(id, { last_event_at: 1, network_mode, registry });
    await knex('install_attempts').insert([
      attempt('a1', 'airgap', null),
      attempt('a2', 'airgap', 'online'),
      attempt('a3', 'online', 'online'),
      attempt('a4', 'proxy', null),
    ]);
    await knex.migrate.up({ directory, name });
    expect(
      await knex('install_attempts').orderBy('id').select('id', 'registry'),
    ).toEqual([
      { id: 'a1', registry: 'offline' },
      { id: 'a2', registry: 'offline' },
      { id: 'a3', registry: 'online' },
      { id: 'a4', registry: null },
    ]);
  });

  it('record when the install attempts already stored first reported each attribute', async () => {
    const knex = await databases.init(databaseId);
    const name = '20261201010000_install_attempt_attributes_known_at.js';
    await migrateUpTo(knex, name);
    const attempt = (id: string, network_mode: string | null) =>
      storedAttempt(id, { last_event_at: 3, network_mode });
    await knex('install_attempts').insert([
      attempt('a1', 'online'),
      attempt('a2', 'airgap'),
    ]);
    const event = storedAttemptEvent;
    await knex('install_attempt_events').insert([
      event('e1', 'a1', 1, { type: 'started', installType: 'helm' }),
      event('e2', 'a1', 2, {
        type: 'step',
        step: 'registry-login',
        appVersion: '1.0.0',
        environment: { k8sDistribution: 'eks' },
        networkMode: 'online',
      }),
      event('e3', 'a1', 3, {
        type: 'completed',
        environment: { os: 'ubuntu' },
        registry: 'online',
      }),
      event('e4', 'a2', 1, { type: 'started' }),
      event('e5', 'a2', 2, { type: 'step', networkMode: 'airgap' }),
      event('e6', 'a2', 3, { type: 'completed', registry: 'offline' }),
    ]);
    await knex.migrate.up({ directory, name });
    const rows = await knex('install_attempts')
      .orderBy('id')
      .select(
        'id',
        'install_type_known_at',
        'app_version_known_at',
        'k8s_distribution_known_at',
        'os_known_at',
        'network_mode_known_at',
        'registry_known_at',
      );
    expect(
      rows.map(r =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [k, v === null ? v : String(v)]),
        ),
      ),
    ).toEqual([
      {
        id: 'a1',
        install_type_known_at: '1',
        app_version_known_at: '2',
        k8s_distribution_known_at: '2',
        os_known_at: '3',
        network_mode_known_at: '2',
        registry_known_at: '3',
      },
      {
        id: 'a2',
        install_type_known_at: null,
        app_version_known_at: null,
        k8s_distribution_known_at: null,
        os_known_at: null,
        network_mode_known_at: '2',
        // Air gap: offline once the network mode was reported.
        registry_known_at: '2',
      },
    ]);
    await knex.migrate.down({ directory, name });
    expect(await knex.schema.hasColumn('install_attempts', 'os_known_at')).toBe(
      false,
    );
  });

  it('leave the schema alone when migrations are skipped', async () => {
    const knex = await databases.init(databaseId);
    await getMigratedClient(
      mockServices.database({ knex, migrations: { skip: true } }),
    );
    expect(await knex.schema.hasTable('customers')).toBe(false);
  });
});
