import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  CustomerReportingDataSource,
  customerReportingDataSourcesExtensionPoint,
} from '@internal/plugin-customer-reporting-node';
import { createStores } from './database/createStores';
import { loadDemoDataIfEmpty } from './demo/loadDemoData';
import { IngestService } from './ingest/IngestService';
import { createRouter } from './service/router';
import { scheduleDataSources } from './sources/scheduleDataSources';

/**
 * The customer-reporting backend plugin: a thin shell wiring the database
 * stores, the ingestion service, data sources and the HTTP router.
 */
export const customerReportingPlugin = createBackendPlugin({
  pluginId: 'customer-reporting',
  register(env) {
    const dataSources = new Map<string, CustomerReportingDataSource>();
    env.registerExtensionPoint(customerReportingDataSourcesExtensionPoint, {
      addDataSource(source) {
        if (dataSources.has(source.id)) {
          throw new Error(`Data source '${source.id}' is already registered`);
        }
        dataSources.set(source.id, source);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
      },
      async init({
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        lifecycle,
        scheduler,
      }) {
        const clock = () => Date.now();
        const stores = await createStores(database);
        const ingest = new IngestService(stores, clock);
        const pluginConfig = config.getOptionalConfig('customerReporting');

        httpRouter.use(
          await createRouter({
            httpAuth,
            stores,
            ingest,
            clock,
            maxBodyBytes:
              pluginConfig?.getOptionalNumber('ingest.maxBodyBytes') ??
              5 * 1024 * 1024,
            activeWindowMs:
              (pluginConfig?.getOptionalNumber('activity.activeWindowHours') ??
                24) *
              60 *
              60 *
              1000,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        await scheduleDataSources({
          sources: [...dataSources.values()],
          scheduler,
          ingest,
          logger,
        });

        if (pluginConfig?.getOptionalBoolean('demoData.enabled')) {
          // Seeding runs after start-up so the portal answers at once.
          lifecycle.addStartupHook(() => {
            loadDemoDataIfEmpty({ stores, ingest, logger, clock }).catch(
              error => logger.error(`Loading demo data failed: ${error}`),
            );
          });
        }
      },
    });
  },
});
