import request from 'supertest';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { testCustomer } from '../__testUtils__/fixtures';
import { startRouterBackend } from '../__testUtils__/routerBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';

async function startBackend(databaseId: TestDatabaseId) {
  return startRouterBackend(await databases.init(databaseId));
}

// A customer's app and channel must exist; the 400 names the one missing.
describe.each(databases.eachSupportedId())(
  'a customer’s app and channel on %p',
  databaseId => {
    it('names appSlug for an unknown app and channelSlug for an unknown channel, storing nothing', async () => {
      const { server, service, knex } = await startBackend(databaseId);
      const put = (body: object) =>
        request(server)
          .put(`${base}/v1/customers/c2`)
          .set('Authorization', service)
          .send(body)
          .expect(400);
      const noApp = await put(testCustomer({ appSlug: 'ghost-app' }));
      expect(noApp.body.error.issues).toEqual([
        {
          index: null,
          field: 'appSlug',
          message: 'no app ghost-app; PUT the app first',
        },
      ]);
      const noChannel = await put(testCustomer({ channelSlug: 'nightly' }));
      expect(noChannel.body.error.issues).toEqual([
        {
          index: null,
          field: 'channelSlug',
          message: 'no channel nightly in app test-app; PUT the app first',
        },
      ]);
      expect(await knex('customers').where({ id: 'c2' })).toEqual([]);
    });

    it('answers the same customer to the same PUT, and moves it to another app', async () => {
      const { server, service } = await startBackend(databaseId);
      const put = (body: object) =>
        request(server)
          .put(`${base}/v1/customers/c1`)
          .set('Authorization', service)
          .send(body)
          .expect(200);
      const first = await put(testCustomer());
      const again = await put(testCustomer());
      expect(again.body).toEqual(first.body);
      await request(server)
        .put(`${base}/v1/apps/other-app`)
        .set('Authorization', service)
        .send({
          name: 'Other App',
          channels: [{ slug: 'main', name: 'Main', releases: [] }],
        })
        .expect(200);
      const moved = await put(
        testCustomer({ appSlug: 'other-app', channelSlug: 'main' }),
      );
      expect(moved.body).toMatchObject({
        id: 'c1',
        appSlug: 'other-app',
        channelSlug: 'main',
        channelName: 'Main',
      });
    });
  },
);
