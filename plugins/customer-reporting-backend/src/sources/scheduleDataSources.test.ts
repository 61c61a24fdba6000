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
} from '@internal/plugin-customer-reporting-node';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';

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

describe('data sources', () => {
  it('runs a registered source on its schedule, writing through the ingestion path', async () => {
    let markSynced: () => void = () => {};
    const synced = new Promise<void>(resolve => {
      markSynced = resolve;
    });
    const { server } = await startTestBackend({
      features: [
        customerReportingPlugin,
        sourceModule({
          id: 'test-source',
          schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
          async sync({ ingest }) {
            await ingest.putApp('test-app', TEST_APP);
            await ingest.putCustomer(
              'from-source',
              testCustomer({ name: 'Sourced Ltd' }),
            );
            markSynced();
          },
        }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
      ],
    });
    await synced;
    const res = await request(server)
      .get('/api/customer-reporting/v1/customers')
      .set('Authorization', mockCredentials.user.header());
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual([
      'Sourced Ltd',
    ]);
  });
});
