import { INSTANCE_EVENT_CATEGORIES } from '@customer-reporting/plugin-customer-reporting-common';
import { loadInstance } from '../report/buildInstanceDetails';
import { toInstanceEvent } from '../report/eventView';
import { ActionContext } from './actionContext';

/** `list-instance-events`: the newest of GET /v1/instances/{id}/events. */
export function registerInstanceEventsAction(ctx: ActionContext) {
  const { access, stores, clock } = ctx;
  ctx.actionsRegistry.register({
    name: 'list-instance-events',
    title: "List an instance's recent events",
    description: `The most recent changes an instance reported, newest first: status changes, app version upgrades, infrastructure changes (Kubernetes version, nodes, cloud) and custom metrics. Each event has its time, field, label, category, new value and previous value.

Narrow with \`category\`; \`limit\` events (default 20) are returned, \`hasMore\` tells whether older ones exist. Instance ids come from get-customer-health.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          instanceId: z.string().min(1).max(100),
          category: z.enum(INSTANCE_EVENT_CATEGORIES).optional(),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              at: z.string(),
              field: z.string(),
              label: z.string(),
              category: z.enum(INSTANCE_EVENT_CATEGORIES),
              value: z.unknown(),
              previousValue: z.unknown(),
            }),
          ),
          hasMore: z.boolean(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { instanceId } = input;
      await access.requireInstance(
        credentials,
        instanceId,
        await stores.report.getInstanceCustomerId(instanceId),
      );
      const asOf = clock();
      await loadInstance(stores.report, instanceId, asOf); // unknown: NotFoundError
      const { items, hasMore } = await stores.instanceEvents.listEvents(
        instanceId,
        { category: input.category, limit: input.limit, asOf },
      );
      return { output: { items: items.map(toInstanceEvent), hasMore } };
    },
  });
}
