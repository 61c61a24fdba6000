import fs from 'fs';
import { AddressInfo } from 'net';
import path from 'path';
import YAML from 'yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { rootSystemMetadataServiceFactory } from '@backstage/backend-defaults/rootSystemMetadata';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import backstageOpenapiModule from '@backstage/plugin-catalog-backend-module-backstage-openapi';
import customerReportingPlugin from '@customer-reporting/plugin-customer-reporting-backend';
import { schedulerOf } from '@customer-reporting/plugin-customer-reporting-backend/testUtils';

jest.setTimeout(120_000);

/** app-config.yaml's catalog block, as shipped. */
const shippedCatalog = YAML.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
).catalog;

/**
 * The API entity of the customer-reporting API: Backstage's backstage-openapi
 * provider reads the plugin's /openapi.json (served by the router generated
 * from openapi.yaml) and the catalog shows it as an API entity.
 */
describe('the customer-reporting API in the catalog', () => {
  it('is an API entity whose definition is the served spec', async () => {
    const { feature, triggerTask } = schedulerOf('catalog');
    const { server } = await startTestBackend({
      features: [
        feature,
        catalogPlugin,
        backstageOpenapiModule,
        customerReportingPlugin,
        // The provider's dependency, which the test backend does not bring.
        rootSystemMetadataServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            // The merged document's server.
            backend: { baseUrl: 'http://portal.test' },
            catalog: {
              rules: [{ allow: ['API'] }],
              providers: {
                backstageOpenapi: shippedCatalog.providers.backstageOpenapi,
              },
              // The provider pushes the entity itself: it does not wait for
              // the catalog's timer, which the app runs every 30 min.
              processingInterval: shippedCatalog.processingInterval,
            },
          },
        }),
      ],
    });
    const base = `http://localhost:${(server.address() as AddressInfo).port}`;
    const user = mockCredentials.user.header();

    const served = await fetch(`${base}/api/customer-reporting/openapi.json`, {
      headers: { authorization: user },
    });
    expect(served.status).toBe(200);
    expect((await served.json()).info.title).toBe('customer-reporting');

    await triggerTask('InternalOpenApiDocumentationProvider:refresh');
    let entity: any;
    for (let tries = 0; tries < 200 && !entity; tries++) {
      const res = await fetch(
        `${base}/api/catalog/entities/by-name/api/default/customer-reporting-api`,
        { headers: { authorization: user } },
      );
      if (res.status === 200) entity = await res.json();
      else await new Promise(resolve => setTimeout(resolve, 250));
    }
    expect(entity).toMatchObject({
      kind: 'API',
      metadata: { title: 'Customer Reporting API' },
      spec: { type: 'openapi', owner: 'group:default/customer-success' },
    });
    const definition = JSON.parse(entity.spec.definition);
    expect(Object.keys(definition.paths)).toEqual(
      expect.arrayContaining([
        '/api/customer-reporting/v1/customers',
        '/api/customer-reporting/v1/customers/{customerId}/report',
      ]),
    );
    expect(definition.components.schemas.CustomerReport).toBeDefined();
  });
});
