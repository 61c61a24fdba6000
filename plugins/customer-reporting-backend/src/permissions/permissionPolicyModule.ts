import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CustomerReportingPolicy } from './CustomerReportingPolicy';
import { readPolicyConfig } from './policyConfig';

/**
 * The permission backend's policy for an app built around customer
 * reporting: least privilege with the groups of
 * `customerReporting.permissions` (see CustomerReportingPolicy).
 */
export const customerReportingPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'customer-reporting-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new CustomerReportingPolicy(userInfo, readPolicyConfig(config)),
        );
      },
    });
  },
});
