import { loadInstance } from '../report/buildInstanceDetails';
import { toInstanceEvent } from '../report/eventView';
import { ActionContext } from './actionContext';
import { operationInput, pageOutput } from './specSchemas';

/** `list-instance-events`: the newest of GET /v1/instances/{id}/events. */
export function registerInstanceEventsAction(ctx: ActionContext) {
  const { access, stores, clock } = ctx;
  ctx.actionsRegistry.register({
    name: 'list-instance-events',
    title: "List an instance's recent events",
    description: `The most recent changes an instance reported, newest first: status changes, app version upgrades, infrastructure changes (Kubernetes version, nodes, cloud) and custom metrics. Each event has its time, field, label, category, new value and previous value.

Narrow with \`category\`; the newest \`limit\` events are returned, \`hasMore\` tells whether older ones exist. Instance ids come from get-customer-health.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: operationInput('ListInstanceEvents', [
        'instanceId',
        'category',
        'limit',
      ]),
      output: pageOutput('InstanceEventList', ['items']),
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
        // the spec's default limit filled in
        { category: input.category, limit: input.limit!, asOf },
      );
      return { output: { items: items.map(toInstanceEvent), hasMore } };
    },
  });
}
