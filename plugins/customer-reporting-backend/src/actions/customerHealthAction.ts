import { buildCustomerReport } from '../report/buildCustomerReport';
import { ActionContext } from './actionContext';
import { toCustomerHealth } from './customerHealth';

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
      input: z =>
        z.object({
          customerId: z
            .string()
            .min(1)
            .max(100)
            .describe('The customer id (list-customers)'),
          includeInactive: z.boolean().default(false),
          includeArchived: z.boolean().default(false),
        }),
      output: z => {
        const instance = z.object({
          id: z.string(),
          name: z.string().nullable(),
          status: z.string().nullable(),
          active: z.boolean(),
          airgap: z.boolean(),
          appVersion: z.string().nullable(),
          versionsBehind: z.number().nullable(),
          lastCheckInAt: z.string(),
          uptimeRatio: z.number().nullable(),
        });
        return z.object({
          customer: z.object({
            id: z.string(),
            name: z.string(),
            appSlug: z.string(),
            channelSlug: z.string(),
            licenseType: z.string(),
            createdAt: z.string(),
            expiresAt: z.string().nullable(),
            archived: z.boolean(),
            active: z.boolean(),
          }),
          instanceCounts: z.object({
            active: z.number(),
            airgap: z.number(),
            inactive: z.number(),
            archived: z.number(),
          }),
          timeToInstall: z
            .object({
              instanceId: z.string(),
              firstSeenAt: z.string(),
              firstReadyAt: z.string(),
              instanceSeconds: z.number(),
              licenseSeconds: z.number(),
            })
            .nullable(),
          instances: z.array(instance),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const { customerId } = input;
      await access.requireCustomer(credentials, customerId);
      const report = await buildCustomerReport(stores.report, customerId, {
        asOf: clock(),
        includeInactive: input.includeInactive,
        includeArchived: input.includeArchived,
        activeWindowMs: options.activeWindowMs,
        stalledAfterMs: options.stalledAfterMs,
        downloadPortalBaseUrl: options.downloadPortalBaseUrl,
      });
      return { output: toCustomerHealth(report) };
    },
  });
}
