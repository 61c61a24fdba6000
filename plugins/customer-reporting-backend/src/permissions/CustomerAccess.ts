import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ConditionTransformer,
  createConditionTransformer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  customerReadPermission,
  RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  CustomerPermissionQuery,
  CustomerPermissionResource,
} from '@customer-reporting/plugin-customer-reporting-node';
import { CustomerFilter } from './customerFilter';

type CustomerPermission = ResourcePermission<
  typeof RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER
>;

/**
 * Permission checks of every route: list filters (SQL), single customers,
 * and basic permissions. Users and services are checked alike; the policy
 * decides what each may do.
 */
export class CustomerAccess {
  private readonly toQuery: ConditionTransformer<CustomerPermissionQuery>;

  constructor(
    private readonly permissions: PermissionsService,
    ruleset: PermissionRuleset<
      CustomerPermissionResource,
      CustomerPermissionQuery
    >,
  ) {
    this.toQuery = createConditionTransformer(ruleset);
  }

  /**
   * Which customers the caller may see with `permission` (default: read):
   * all, or those matching the policy's conditions. A caller denied outright
   * (e.g. an ingest-only token) gets NotAllowedError, not an empty list.
   */
  async filter(
    credentials: BackstageCredentials,
    permission: CustomerPermission = customerReadPermission,
  ): Promise<Exclude<CustomerFilter, 'none'>> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.CONDITIONAL)
      return this.toQuery(decision.conditions);
    if (decision.result === AuthorizeResult.ALLOW) return 'all';
    throw new NotAllowedError(`Not allowed: ${permission.name}`);
  }

  /** Whether the caller may read every customer, existing or not. */
  async readsAllCustomers(credentials: BackstageCredentials): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: customerReadPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /**
   * Whether the caller may use `permission` on the customer. Under a
   * conditional decision an unknown customer is denied like a foreign one.
   */
  async allowsCustomer(
    credentials: BackstageCredentials,
    customerId: string,
    permission: CustomerPermission = customerReadPermission,
  ): Promise<boolean> {
    const [allowed] = await this.allowsCustomerEach(credentials, customerId, [
      permission,
    ]);
    return allowed;
  }

  /**
   * Whether the caller may use each of `permissions` on the customer, in
   * one call to the permission service: for a user that is one request to
   * the permission backend instead of one per permission.
   */
  async allowsCustomerEach(
    credentials: BackstageCredentials,
    customerId: string,
    permissions: CustomerPermission[],
  ): Promise<boolean[]> {
    const decisions = await this.permissions.authorize(
      permissions.map(permission => ({ permission, resourceRef: customerId })),
      { credentials },
    );
    return decisions.map(d => d.result === AuthorizeResult.ALLOW);
  }

  /** Throws NotAllowedError unless the caller may use `permission` on the customer. */
  async requireCustomer(
    credentials: BackstageCredentials,
    customerId: string,
    permission: CustomerPermission = customerReadPermission,
  ) {
    await this.requireCustomerWith(credentials, customerId, [], permission);
  }

  /**
   * Throws NotAllowedError unless the caller may use `permission` on the
   * customer; else whether it may use each of `also`, decided in the same
   * call to the permission service.
   */
  async requireCustomerWith(
    credentials: BackstageCredentials,
    customerId: string,
    also: CustomerPermission[],
    permission: CustomerPermission = customerReadPermission,
  ): Promise<boolean[]> {
    const [allowed, ...others] = await this.allowsCustomerEach(
      credentials,
      customerId,
      [permission, ...also],
    );
    if (!allowed) {
      throw new NotAllowedError(
        `Not allowed: ${permission.name} on customer ${customerId}`,
      );
    }
    return others;
  }

  /**
   * Throws unless the caller may read the customer of the instance
   * (`customerId`, undefined for an unknown instance). An unknown instance is
   * refused like a foreign one, unless the caller may read every customer
   * (then NotFoundError): the answer tells nothing about other customers.
   */
  async requireInstance(
    credentials: BackstageCredentials,
    instanceId: string,
    customerId: string | undefined,
  ) {
    if (customerId && (await this.allowsCustomer(credentials, customerId)))
      return;
    if (!customerId && (await this.readsAllCustomers(credentials)))
      throw new NotFoundError(`Unknown instance: ${instanceId}`);
    throw new NotAllowedError(
      `Not allowed: ${customerReadPermission.name} on instance ${instanceId}`,
    );
  }

  /** Throws NotAllowedError unless the caller has the basic `permission`. */
  async require(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }
}
