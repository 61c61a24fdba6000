import { INSTALL_ATTEMPT_STATUSES } from '@customer-reporting/plugin-customer-reporting-common';
import { ActionContext } from './actionContext';
import { attemptFilterShape, toAttemptFilters } from './attemptFilterInput';
import { toListedAttempt } from '../report/attemptView';

/**
 * `list-problem-install-attempts`: GET /v1/install-attempts restricted to
 * stalled and failed attempts, newest first.
 */
export function registerProblemAttemptsAction(ctx: ActionContext) {
  const { access, stores, options, clock } = ctx;
  ctx.actionsRegistry.register({
    name: 'list-problem-install-attempts',
    title: 'List stalled or failed install attempts',
    description: `Install attempts that failed or stalled (no progress for the configured time), newest first, of the customers the caller may see. Each has its customer, install type, environment (Kubernetes distribution or OS), network mode, the step it failed at and the failure reason, and the steps it reached.

\`status\` picks failed or stalled only (default both); the other filters are those of summarize-install-attempts. \`limit\` attempts (default 20) of \`totalCount\` are returned.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          ...attemptFilterShape(z),
          status: z.enum(['failed', 'stalled']).optional(),
          limit: z.number().int().min(1).max(100).default(20),
        }),
      output: z =>
        z.object({
          items: z
            .array(
              z
                .object({
                  id: z.string(),
                  status: z.enum(INSTALL_ATTEMPT_STATUSES),
                  startedAt: z.string(),
                  failedStep: z.string().nullable(),
                  reason: z.string().nullable(),
                  customer: z.object({
                    id: z.string(),
                    name: z.string(),
                    appSlug: z.string(),
                    channelSlug: z.string(),
                  }),
                })
                .passthrough(),
            )
            .describe('InstallAttemptList items of the OpenAPI spec'),
          totalCount: z.number(),
          hasMore: z.boolean(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { status, limit, ...filters } = input;
      const customerFilter = await access.filter(credentials);
      const asOf = clock();
      const { stalledAfterMs } = options;
      const { rows, totalCount, hasMore } =
        await stores.installAttempts.listAttempts(
          {
            ...toAttemptFilters(filters),
            status: status ? [status] : ['failed', 'stalled'],
          },
          {
            asOf,
            stalledAfterMs,
            limit,
            sort: 'startedAt',
            order: 'desc',
            customerFilter,
          },
        );
      return {
        output: {
          items: rows.map(row => toListedAttempt(row, asOf, stalledAfterMs)),
          totalCount,
          hasMore,
        },
      };
    },
  });
}
