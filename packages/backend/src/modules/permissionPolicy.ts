import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { customerLicenseDownloadPermission } from '@internal/plugin-customer-reporting-common';

/**
 * The demo's permission policy: everything is allowed, except that license
 * downloads can be limited to one group with
 * `customerReportingPolicy.licenseDownloadGroup` (an entity ref such as
 * `group:default/license-admins`).
 *
 * A stricter policy would return conditional decisions, for example to let
 * users read only the customers their groups own:
 *
 *   if (isPermission(request.permission, customerReadPermission) && user) {
 *     const { ownershipEntityRefs } = await userInfo.getUserInfo(user.credentials);
 *     return createCustomerConditionalDecision(request.permission,
 *       customerConditions.isCustomerOwner({ claims: ownershipEntityRefs }));
 *   }
 *
 * (`customerConditions` and `createCustomerConditionalDecision` come from
 * `@internal/plugin-customer-reporting-node`; lists are then filtered in SQL.)
 */
export class CustomerReportingDemoPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: UserInfoService,
    private readonly licenseDownloadGroup?: string,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      this.licenseDownloadGroup &&
      isPermission(request.permission, customerLicenseDownloadPermission)
    ) {
      if (!user) return { result: AuthorizeResult.DENY };
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
        user.credentials,
      );
      return {
        result: ownershipEntityRefs.includes(this.licenseDownloadGroup)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'customer-reporting-demo-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new CustomerReportingDemoPolicy(
            userInfo,
            config.getOptionalString(
              'customerReportingPolicy.licenseDownloadGroup',
            ),
          ),
        );
      },
    });
  },
});
