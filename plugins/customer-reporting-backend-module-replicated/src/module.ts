import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { customerReportingDataSourcesExtensionPoint } from '@customer-reporting/plugin-customer-reporting-node';
import { readReplicatedConfig } from './config';
import { ReplicatedDataSource } from './ReplicatedDataSource';

/**
 * Registers Replicated's Vendor API as a data source of the
 * customer-reporting backend when `customerReporting.replicated` is
 * configured; without it the module only says so in the log.
 */
export const customerReportingModuleReplicated = createBackendModule({
  pluginId: 'customer-reporting',
  moduleId: 'replicated',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sources: customerReportingDataSourcesExtensionPoint,
      },
      async init({ config, logger, sources }) {
        const replicated = readReplicatedConfig(config);
        if (!replicated) {
          logger.info(
            'customerReporting.replicated is not configured; the Replicated data source is off',
          );
          return;
        }
        logger.info(
          `Replicated data source on for apps ${replicated.appSlugs.join(
            ', ',
          )} at ${replicated.baseUrl}`,
        );
        sources.addDataSource(new ReplicatedDataSource(replicated));
      },
    });
  },
});
