import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { CUSTOMER_CHANGED_TOPIC } from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerEntityProvider } from './CustomerEntityProvider';
import { DEFAULT_OWNER_REF } from './defaultOwnerGroup';
import { createChangeBatcher } from './changeBatcher';

/**
 * Catalog module that publishes customers as `Resource` entities of type
 * `customer`: a full refresh on a schedule (default every 30 minutes) and a
 * delta update whenever customers are created or changed. It reads the
 * customers from the customer-reporting backend over HTTP, as a service.
 */
export const catalogModuleCustomerReporting = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'customer-reporting',
  register(env) {
    env.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        logger: coreServices.logger,
        events: eventsServiceRef,
      },
      async init({
        catalogProcessing,
        catalog,
        config,
        discovery,
        auth,
        scheduler,
        logger,
        events,
      }) {
        const catalogConfig = config.getOptionalConfig(
          'customerReporting.catalog',
        );
        const configuredOwner =
          catalogConfig?.getOptionalString('defaultOwner');
        const provider = new CustomerEntityProvider({
          discovery,
          auth,
          catalog,
          logger,
          defaultOwner: configuredOwner ?? DEFAULT_OWNER_REF,
          publishDefaultOwner: configuredOwner === undefined,
          appBaseUrl: config.getString('app.baseUrl'),
          licenseDetails:
            catalogConfig?.getOptionalBoolean('licenseDetails') ?? false,
          schedule: scheduler.createScheduledTaskRunner(
            catalogConfig?.has('schedule')
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  catalogConfig.getConfig('schedule'),
                )
              : {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 10 },
                  initialDelay: { seconds: 15 },
                },
          ),
        });
        catalogProcessing.addEntityProvider(provider);
        const customerChanged = createChangeBatcher(
          async ids => {
            await provider.refreshCustomers(ids);
          },
          error => logger.warn(`Could not update changed customers: ${error}`),
        );
        await events.subscribe({
          id: 'customer-reporting-catalog',
          topics: [CUSTOMER_CHANGED_TOPIC],
          onEvent: async ({ eventPayload }) => {
            const { customerId } = eventPayload as { customerId?: string };
            // Not awaited: the local events bus waits for its subscribers,
            // and the ids that arrive meanwhile make up the next batch.
            if (customerId) void customerChanged(customerId);
          },
        });
      },
    });
  },
});
