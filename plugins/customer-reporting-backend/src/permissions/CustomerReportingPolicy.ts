import { UserInfoService } from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  CUSTOMER_ID_ANNOTATION,
  customerReadPermission,
  customerReportingAlertsReadPermission,
  RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  createCustomerConditionalDecision,
  customerConditions,
} from '@customer-reporting/plugin-customer-reporting-node';
import { GROUP_OF_PERMISSION, PolicyConfig } from './policyConfig';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };
const PLUGIN_PREFIX = 'customer-reporting.';

/**
 * The permission policy the customer-reporting plugins ship (docs/permissions.md).
 *
 * Least privilege for this plugin family: signed-in users read customers;
 * alert rules and deliveries; each privileged permission (license download
 * and license ids, portal password, Enterprise Portal, exports, data-source
 * status, managing alert rules) needs membership
 * in its configured group; any other customer-reporting permission, ingest
 * included, is denied to users. Service credentials never reach a policy:
 * Backstage allows them everything their `accessRestrictions` allow.
 *
 * With `readOwnCustomersOnly` users read only the customers their ownership
 * refs own, and catalog entities of customers likewise.
 *
 * Permissions of other plugins are allowed to signed-in users, as the app's
 * previous allow-all policy did.
 */
export class CustomerReportingPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: UserInfoService,
    private readonly config: PolicyConfig,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) return DENY;
    const { permission } = request;
    const isOurs = permission.name.startsWith(PLUGIN_PREFIX);
    const readsCatalogEntity = isPermission(
      permission,
      catalogEntityReadPermission,
    );
    if (!isOurs && !readsCatalogEntity) return ALLOW;

    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    const claims = ownershipEntityRefs.map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    if (readsCatalogEntity) {
      return this.config.readOwnCustomersOnly
        ? createCatalogConditionalDecision(catalogEntityReadPermission, {
            anyOf: [
              {
                not: catalogConditions.hasAnnotation({
                  annotation: CUSTOMER_ID_ANNOTATION,
                }),
              },
              catalogConditions.isEntityOwner({ claims }),
            ],
          })
        : ALLOW;
    }

    const group =
      GROUP_OF_PERMISSION[permission.name as keyof typeof GROUP_OF_PERMISSION];
    const granted = group
      ? this.config.groups[group].some(member => claims.includes(member))
      : isPermission(permission, customerReadPermission) ||
        isPermission(permission, customerReportingAlertsReadPermission);
    if (!granted) return DENY;
    if (
      this.config.readOwnCustomersOnly &&
      isResourcePermission(
        permission,
        RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
      )
    ) {
      return createCustomerConditionalDecision(
        permission,
        customerConditions.isCustomerOwner({ claims }),
      );
    }
    return ALLOW;
  }
}
