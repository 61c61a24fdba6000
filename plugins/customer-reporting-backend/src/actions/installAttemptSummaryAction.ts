import { ActionContext } from './actionContext';
import { attemptFilterShape, toAttemptFilters } from './attemptFilterInput';

/**
 * `summarize-install-attempts`: the install audit's summary and failure
 * groups (GET /v1/install-attempts/summary and /failure-groups).
 */
export function registerInstallAttemptSummaryAction(ctx: ActionContext) {
  const { access, stores, options, clock } = ctx;
  ctx.actionsRegistry.register({
    name: 'summarize-install-attempts',
    title: 'Summarise install attempts',
    description: `How installs of the customers the caller may see went: attempts by status (succeeded, failed, stalled, in progress, discarded), the success rate of the decided ones, median and p90 duration of the successful ones, and the failure groups: failed and stalled attempts grouped by the step they stopped at and the normalised reason, most frequent first, with how many customers each hit.

Narrow to an app, channel, customer, install type (helm or linux), app version, or a time window of the start (\`from\`, \`to\`).`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object(attemptFilterShape(z)),
      output: z =>
        z.object({
          summary: z.object({
            total: z.number(),
            succeeded: z.number(),
            failed: z.number(),
            stalled: z.number(),
            inProgress: z.number(),
            discarded: z.number(),
            successRate: z.number().nullable(),
            medianDurationSeconds: z.number().nullable(),
            p90DurationSeconds: z.number().nullable(),
          }),
          failureGroups: z.array(
            z.object({
              status: z.enum(['failed', 'stalled']),
              step: z.string().nullable(),
              reason: z.string().nullable(),
              exampleReason: z.string().nullable(),
              count: z.number(),
              customers: z.number(),
              firstSeenAt: z.string(),
              lastSeenAt: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const query = {
        filters: toAttemptFilters(input),
        asOf: clock(),
        stalledAfterMs: options.stalledAfterMs,
        customerFilter: await access.filter(credentials),
      };
      const [summary, failureGroups] = await Promise.all([
        stores.installAudit.summary(query),
        stores.installAudit.failureGroups(query),
      ]);
      return { output: { summary, failureGroups: failureGroups.items } };
    },
  });
}
