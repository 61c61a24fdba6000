import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUS_FILTERS,
  LICENSE_TYPES,
} from '@customer-reporting/plugin-customer-reporting-common';
import { ActionContext } from './actionContext';

/** `list-customers`: the customer list (GET /v1/customers), first page. */
export function registerListCustomersAction(ctx: ActionContext) {
  const { access, stores, options, clock } = ctx;
  ctx.actionsRegistry.register({
    name: 'list-customers',
    title: 'List customers',
    description: `Lists the customers the caller may see, with each customer's health at a glance: worst instance status, active and air gap instance counts, license type and expiry, last activity and time to install.

Filters combine: \`search\` (name, id, email or CRM id), \`appSlug\`, \`channelSlug\`, \`licenseType\`, \`active\`, \`status\` (the worst status among the customer's active instances, or \`none\`). Sorted by \`sort\` and \`order\`; \`limit\` customers (default 20) of \`totalCount\` are returned.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          search: z.string().max(200).optional(),
          appSlug: z.string().max(100).optional(),
          channelSlug: z.string().max(100).optional(),
          licenseType: z.enum(LICENSE_TYPES).optional(),
          active: z
            .boolean()
            .optional()
            .describe(
              'Only customers with (true) or without (false) an active instance',
            ),
          status: z.enum(CUSTOMER_STATUS_FILTERS).optional(),
          sort: z.enum(CUSTOMER_SORTS).default('name'),
          order: z.enum(['asc', 'desc']).default('asc'),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          items: z
            .array(
              z
                .object({
                  id: z.string(),
                  name: z.string(),
                  appSlug: z.string(),
                  status: z.string().nullable(),
                  active: z.boolean(),
                  activeInstances: z.number(),
                })
                .passthrough(),
            )
            .describe('CustomerSummary objects of the OpenAPI spec'),
          totalCount: z.number().describe('Customers matching the filters'),
          hasMore: z.boolean(),
        }),
    },
    examples: [
      {
        title: 'Customers with a degraded or unavailable instance',
        input: { status: 'unavailable', sort: 'name', order: 'asc', limit: 10 },
      },
    ],
    action: async ({ input, credentials }) => {
      const customerFilter = await access.filter(credentials);
      const { items, totalCount, hasMore } =
        await stores.customers.listCustomers({
          ...input,
          asOf: clock(),
          activeWindowMs: options.activeWindowMs,
          customerFilter,
        });
      // Copied into object literals: the CustomerSummary interface does not
      // type-check against the index signature of a passthrough schema.
      const output = { items: items.map(c => ({ ...c })), totalCount, hasMore };
      return { output };
    },
  });
}
