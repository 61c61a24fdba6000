import { buildCustomerReport } from '../report/buildCustomerReport';
import { ActionContext } from './actionContext';
import {
  CustomerHealth,
  customerHealthShape,
  toCustomerHealth,
} from './customerHealth';
import { operationInput, specObject } from './specSchemas';

/** `get-customer-health`: the numbers of GET /v1/customers/{id}/report. */
export function registerCustomerHealthAction(ctx: ActionContext) {
  const { access, stores, options, clock } = ctx;
  ctx.actionsRegistry.register({
    name: 'get-customer-health',
    title: "Get a customer's health",
    description: `The health of one customer, as its report page shows it: whether it is active, its instances by activity (active, air gap, inactive, archived), time to install, and per instance the status, app version, how many releases behind, last check-in and uptime ratio over the last 14 days (null without data).

Inactive and archived instances are left out unless \`includeInactive\` / \`includeArchived\` are true. Customer ids come from list-customers.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: operationInput('GetCustomerReport', [
        'customerId',
        'includeInactive',
        'includeArchived',
      ]),
      output: z => specObject<CustomerHealth>(z, customerHealthShape(z)),
    },
    action: async ({ input, credentials }) => {
      const { customerId } = input;
      await access.requireCustomer(credentials, customerId);
      const report = await buildCustomerReport(stores.report, customerId, {
        asOf: clock(),
        // The spec's defaults filled in by the registry's parse.
        includeInactive: input.includeInactive!,
        includeArchived: input.includeArchived!,
        activeWindowMs: options.activeWindowMs,
        stalledAfterMs: options.stalledAfterMs,
        downloadPortalBaseUrl: options.downloadPortalBaseUrl,
      });
      return { output: toCustomerHealth(report) };
    },
  });
}
