import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';

/**
 * A plugin's scheduler, for a test to run one of the plugin's tasks when it
 * chooses: add `feature` to the test backend, then call `triggerTask` once
 * the backend has started.
 */
export function schedulerOf(pluginId: string) {
  let captured: SchedulerService | undefined;
  const feature = createBackendModule({
    pluginId,
    moduleId: 'test-scheduler',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          captured = scheduler;
        },
      });
    },
  });
  const triggerTask = (id: string) => {
    if (!captured)
      throw new Error(`the ${pluginId} plugin has not started: no scheduler`);
    return captured.triggerTask(id);
  };
  return { feature, triggerTask };
}
