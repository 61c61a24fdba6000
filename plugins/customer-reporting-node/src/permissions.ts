import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  LICENSE_TYPES,
  RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
} from '@customer-reporting/plugin-customer-reporting-common';
import { z } from 'zod';

/** What permission rules see of a customer. @public */
export interface CustomerPermissionResource {
  id: string;
  /** Entity ref of the owning group; null when the record has none, which then matches no `IS_CUSTOMER_OWNER`. */
  owner: string | null;
  licenseType: string;
  appSlug: string;
}

/**
 * A rule as a query: the customer's `column` is one of `values`. The backend
 * turns these into SQL so that lists are filtered in the database. @public
 */
export interface CustomerPermissionQuery {
  column: 'owner' | 'license_type' | 'app_slug';
  values: string[];
}

/** @public */
export const customerPermissionResourceRef = createPermissionResourceRef<
  CustomerPermissionResource,
  CustomerPermissionQuery
>().with({
  pluginId: 'customer-reporting',
  resourceType: RESOURCE_TYPE_CUSTOMER_REPORTING_CUSTOMER,
});

const isCustomerOwner = createPermissionRule({
  name: 'IS_CUSTOMER_OWNER',
  description:
    'Allow customers owned by one of the given entities (e.g. the user’s groups)',
  resourceRef: customerPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs, usually the user’s ownership claims'),
  }),
  // Entity refs compare case-insensitively, in lists (toQuery: owners are
  // stored lowercase) and for one customer alike.
  apply: (customer, { claims }) => {
    const owner = customer.owner?.toLowerCase();
    return owner !== undefined && claims.some(c => c.toLowerCase() === owner);
  },
  toQuery: ({ claims }) => ({
    column: 'owner',
    values: claims.map(c => c.toLowerCase()),
  }),
});

const hasLicenseType = createPermissionRule({
  name: 'HAS_LICENSE_TYPE',
  description: 'Allow customers whose license type is one of the given ones',
  resourceRef: customerPermissionResourceRef,
  paramsSchema: z.object({
    licenseTypes: z.array(z.enum(LICENSE_TYPES)).describe('License types'),
  }),
  apply: (customer, { licenseTypes }) =>
    (licenseTypes as string[]).includes(customer.licenseType),
  toQuery: ({ licenseTypes }) => ({
    column: 'license_type',
    values: licenseTypes,
  }),
});

const isCustomerOfApp = createPermissionRule({
  name: 'IS_CUSTOMER_OF_APP',
  description: 'Allow customers of the given apps',
  resourceRef: customerPermissionResourceRef,
  paramsSchema: z.object({
    appSlugs: z.array(z.string()).describe('App slugs'),
  }),
  apply: (customer, { appSlugs }) => appSlugs.includes(customer.appSlug),
  toQuery: ({ appSlugs }) => ({ column: 'app_slug', values: appSlugs }),
});

/** The rules, for the backend and for policy modules. @public */
export const customerPermissionRules = {
  isCustomerOwner,
  hasLicenseType,
  isCustomerOfApp,
};

const conditionExports = createConditionExports({
  resourceRef: customerPermissionResourceRef,
  rules: customerPermissionRules,
});

/**
 * Condition factories for permission policies, e.g.
 * `customerConditions.isCustomerOwner({ claims: user.info.ownershipEntityRefs })`.
 * @public
 */
export const customerConditions = conditionExports.conditions;

/** @public */
export const createCustomerConditionalDecision =
  conditionExports.createConditionalDecision;
