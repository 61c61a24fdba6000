import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  CustomerReportingDataSource,
  customerReportingDataSourcesExtensionPoint,
} from '@customer-reporting/plugin-customer-reporting-node';
import { customerReportingPlugin } from '../plugin';
import { createStores } from '../database/createStores';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';
import { scheduleDataSources } from './scheduleDataSources';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function sourceModule(source: CustomerReportingDataSource) {
  return createBackendModule({
    pluginId: 'customer-reporting',
    moduleId: source.id,
    register(env) {
      env.registerInit({
        deps: { sources: customerReportingDataSourcesExtensionPoint },
        async init({ sources }) {
          sources.addDataSource(source);
        },
      });
    },
  });
}

/** A promise to wait for and the function that settles it. */
function signal() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

async function startWithSources(...sources: CustomerReportingDataSource[]) {
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      ...sources.map(sourceModule),
      mockServices.database.factory({
        knex: await databases.init('SQLITE_3'),
      }),
    ],
  });
  return server;
}

describe('data sources', () => {
  it('runs a registered source on its schedule, writing through the ingestion path', async () => {
    const synced = signal();
    const server = await startWithSources({
      id: 'test-source',
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
      async sync({ ingest }) {
        await ingest.putApp('test-app', TEST_APP);
        await ingest.putCustomer(
          'from-source',
          testCustomer({ name: 'Sourced Ltd' }),
        );
        synced.resolve();
      },
    });
    await synced.promise;
    const res = await request(server)
      .get('/api/customer-reporting/v1/customers')
      .set('Authorization', mockCredentials.user.header());
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual([
      'Sourced Ltd',
    ]);
  });

  it('serves the status of every registered source', async () => {
    const synced = signal();
    const server = await startWithSources(
      {
        id: 'counting-source',
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
        async sync() {
          // Resolved after the scheduler has recorded the outcome.
          setTimeout(synced.resolve, 50);
          return { counts: { customers: 3 }, cursor: '2024-07-01' };
        },
      },
      {
        id: 'idle-source',
        // Not before the test ends.
        schedule: {
          frequency: { hours: 24 },
          timeout: { minutes: 1 },
          initialDelay: { hours: 1 },
        },
        async sync() {},
      },
    );
    await synced.promise;
    const res = await request(server)
      .get('/api/customer-reporting/v1/data-sources')
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: 'counting-source',
        state: 'succeeded',
        counts: { customers: 3 },
        lastError: null,
      }),
      expect.objectContaining({
        id: 'idle-source',
        state: 'never-run',
        lastStartedAt: null,
      }),
    ]);
    // No history: asOf is accepted and the answer is the current status.
    const asOf = await request(server)
      .get('/api/customer-reporting/v1/data-sources?asOf=2024-01-01T00:00:00Z')
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    expect(asOf.body).toEqual(res.body);
    await request(server)
      .get('/api/customer-reporting/v1/data-sources?asOf=yesterday')
      .set('Authorization', mockCredentials.user.header())
      .expect(400);
  });
});

describe('scheduleDataSources', () => {
  async function scheduled(
    sync: CustomerReportingDataSource['sync'],
    clock: () => number,
  ) {
    const stores = await createStores(
      mockServices.database({ knex: await databases.init('SQLITE_3') }),
    );
    let run: () => Promise<void> = async () => {};
    await scheduleDataSources({
      sources: [
        {
          id: 'src',
          schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
          sync,
        },
      ],
      scheduler: {
        scheduleTask: async (task: { fn: () => Promise<void> }) => {
          run = task.fn;
        },
      } as any,
      ingest: {} as any,
      syncs: stores.dataSourceSyncs,
      logger: mockServices.logger.mock(),
      clock,
    });
    return { run: () => run(), syncs: stores.dataSourceSyncs };
  }

  it('hands each run the cursor of the last successful one, not of a failed one', async () => {
    const cursors: (string | undefined)[] = [];
    const outcomes = [
      { cursor: 'c1', counts: { customers: 1 } },
      new Error('Vendor API unavailable'),
      { counts: { customers: 2 } },
    ];
    let now = Date.parse('2024-07-02T12:00:00Z');
    const { run, syncs } = await scheduled(
      async ({ cursor }) => {
        cursors.push(cursor);
        const outcome = outcomes.shift();
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
      () => (now += 1000),
    );

    await run();
    await expect(run()).rejects.toThrow('Vendor API unavailable');
    const [failed] = await syncs.list(['src']);
    expect(failed).toEqual(
      expect.objectContaining({
        state: 'failed',
        lastError: 'Error: Vendor API unavailable',
        counts: { customers: 1 },
      }),
    );
    await run();

    // A run returning no cursor keeps the stored one.
    expect(cursors).toEqual([undefined, 'c1', 'c1']);
    expect(await syncs.getCursor('src')).toBe('c1');
    const [recovered] = await syncs.list(['src']);
    expect(recovered.state).toBe('succeeded');
    expect(recovered.counts).toEqual({ customers: 2 });
    // The last error stays for reference after a success.
    expect(recovered.lastError).toBe('Error: Vendor API unavailable');
    expect(Date.parse(recovered.lastSucceededAt!)).toBeGreaterThan(
      Date.parse(recovered.lastFailedAt!),
    );
  });

  it('shows a source as running between start and outcome', async () => {
    const finished = signal();
    const { run, syncs } = await scheduled(() => finished.promise, Date.now);
    const running = run();
    await new Promise(resolve => setTimeout(resolve, 50));
    expect((await syncs.list(['src']))[0].state).toBe('running');
    finished.resolve();
    await running;
    expect((await syncs.list(['src']))[0].state).toBe('succeeded');
  });
});
