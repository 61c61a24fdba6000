import { ActionContext } from './actionContext';
import { operationInput, pageOutput } from './specSchemas';

/** `list-customers`: the customer list (GET /v1/customers), first page. */
export function registerListCustomersAction(ctx: ActionContext) {
  const { access, stores, options, clock } = ctx;
  ctx.actionsRegistry.register({
    name: 'list-customers',
    title: 'List customers',
    description: `Lists the customers the caller may see, with each customer's health at a glance: worst instance status, active and air gap instance counts, license type and expiry, last activity and time to install.

Filters combine: \`search\` (name, id, email or CRM id), \`appSlug\`, \`channelSlug\`, \`licenseType\`, \`active\`, \`status\` (the worst status among the customer's active instances, or \`none\`). Sorted by \`sort\` and \`order\`; the first \`limit\` customers of \`totalCount\` are returned, \`hasMore\` tells whether more match.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: operationInput('ListCustomers', [
        'search',
        'appSlug',
        'channelSlug',
        'licenseType',
        'active',
        'status',
        'sort',
        'order',
        'limit',
      ]),
      output: pageOutput('CustomerListResponse', ['items', 'totalCount']),
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
          limit: input.limit!, // the spec's default filled in
          asOf: clock(),
          activeWindowMs: options.activeWindowMs,
          customerFilter,
        });
      return { output: { items, totalCount, hasMore } };
    },
  });
}
