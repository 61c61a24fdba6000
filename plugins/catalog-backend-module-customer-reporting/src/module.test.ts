import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
// The module runs against the real customer-reporting backend plugin, which
// it reads over HTTP as any other backend would.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import customerReportingPlugin from '@customer-reporting/plugin-customer-reporting-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { schedulerOf } from '@customer-reporting/plugin-customer-reporting-backend/testUtils';
import { catalogModuleCustomerReporting } from './module';

jest.setTimeout(120_000);

const SERVICE = mockCredentials.service.header();
const USER = mockCredentials.user.header();
const APP = {
  name: 'Nimbus',
  channels: [{ slug: 'stable', name: 'Stable', releases: [] }],
};
const customer = (name: string) => ({
  name,
  appSlug: 'nimbus',
  channelSlug: 'stable',
  licenseType: 'trial',
  licenseId: 'lic-c1',
  createdAt: '2026-11-01T09:00:00Z',
  features: { gitops: false, airgap: false, identity: false, snapshots: false },
});

describe('the catalog module in a backend with the catalog and customer reporting', () => {
  it('publishes a created customer at once, follows its change, and the full refresh adds the default owner group', async () => {
    const { feature, triggerTask } = schedulerOf('catalog');
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleCustomerReporting,
        customerReportingPlugin,
        feature,
        // The events service of a real backend without the events backend:
        // one in-process bus shared by the plugins (the test backend's mock
        // gives each plugin a bus of its own).
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://portal.test' },
            // Far longer than the test: what reaches the catalog comes from
            // the module's mutations, not from the catalog's timer
            // (app-config.yaml sets 30 min, docs/catalog.md).
            catalog: { processingInterval: { hours: 24 } },
          },
        }),
      ],
    });
    const put = (path: string, body: object) =>
      request(server)
        .put(`/api/customer-reporting${path}`)
        .set('Authorization', SERVICE)
        .send(body)
        .expect(200);
    /** The entity once the catalog has processed it with `check` true. */
    const entity = async (
      ref: string,
      check: (e: Entity) => boolean = () => true,
    ): Promise<Entity> => {
      for (let tries = 0; tries < 200; tries++) {
        const res = await request(server)
          .get(`/api/catalog/entities/by-name/${ref}`)
          .set('Authorization', USER);
        if (res.status === 200 && check(res.body)) return res.body;
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      throw new Error(`${ref} did not reach the catalog`);
    };

    await put('/v1/apps/nimbus', APP);
    await put('/v1/customers/c1', customer('Acme Corp'));
    // No full refresh has run: the announcement brought it.
    const created = await entity('resource/default/customer-c1');
    expect(created).toMatchObject({
      metadata: {
        title: 'Acme Corp',
        description: 'Customer of nimbus',
        tags: [],
        annotations: {
          'customer-reporting/customer-id': 'c1',
          'customer-reporting/app': 'nimbus',
        },
        links: [{ url: 'http://portal.test/customer-reporting/customers/c1' }],
      },
      spec: { type: 'customer', owner: 'group:default/customer-success' },
    });

    await put('/v1/customers/c1', customer('Acme Corporation'));
    await entity(
      'resource/default/customer-c1',
      e => e.metadata.title === 'Acme Corporation',
    );

    // Only the full refresh publishes the default owner group.
    await request(server)
      .get('/api/catalog/entities/by-name/group/default/customer-success')
      .set('Authorization', USER)
      .expect(404);
    await triggerTask('customer-reporting-catalog-refresh');
    const group = await entity('group/default/customer-success');
    expect(group.spec).toMatchObject({ type: 'team' });
  });
});
