import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { customerReportingDataSourcesExtensionPoint } from '@customer-reporting/plugin-customer-reporting-node';
import { loadDemoDataIfEmpty } from './loadDemoData';

/**
 * The demo fleet as a data source: with `customerReporting.demo.enabled`, it
 * loads a deterministic fleet into an empty database on start-up.
 */
export const customerReportingModuleDemoData = createBackendModule({
  pluginId: 'customer-reporting',
  moduleId: 'demo-data',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        sources: customerReportingDataSourcesExtensionPoint,
      },
      async init({ config, sources }) {
        if (!config.getOptionalBoolean('customerReporting.demo.enabled'))
          return;
        sources.addDataSource({
          id: 'demo-data',
          // Runs at start-up; later runs find customers and do nothing.
          schedule: { frequency: { hours: 24 }, timeout: { minutes: 15 } },
          sync: ({ ingest, logger }) =>
            loadDemoDataIfEmpty({ ingest, logger, clock: Date.now }).then(
              () => undefined,
            ),
        });
      },
    });
  },
});
