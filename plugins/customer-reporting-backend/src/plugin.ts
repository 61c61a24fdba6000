import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createStores } from './database/createStores';
import { loadDemoDataIfEmpty } from './demo/loadDemoData';
import { IngestService } from './ingest/IngestService';
import { createRouter } from './service/router';

/**
 * The customer-reporting backend plugin: a thin shell wiring the database
 * stores, the ingestion service and the HTTP router.
 */
export const customerReportingPlugin = createBackendPlugin({
  pluginId: 'customer-reporting',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        lifecycle,
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
