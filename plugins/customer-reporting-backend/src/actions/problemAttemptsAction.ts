import { InstallAttemptFailureGroups } from '@customer-reporting/plugin-customer-reporting-common';
import { spec } from '../schema/openapi/generated';
import { toAttemptFilters } from '../service/attemptQueries';
import { ActionContext } from './actionContext';
import { ATTEMPT_FILTERS } from './attemptFilters';
import {
  operationInput,
  pageOutput,
  schemaAt,
  specObject,
} from './specSchemas';
import { specToZod } from './specToZod';
import { toListedAttempt } from '../report/attemptView';

/** The problem statuses: those of the spec's failure groups. */
const PROBLEM_STATUS = schemaAt('InstallAttemptFailureGroups', [
  'items',
  '[]',
  'status',
]);
const filterInput = operationInput('ListInstallAttempts', [
  ...ATTEMPT_FILTERS,
  'limit',
]);

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

\`status\` picks failed or stalled only (default both); the other filters are those of summarize-install-attempts. The newest \`limit\` attempts of \`totalCount\` are returned, \`hasMore\` tells whether more match.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => {
        const filters = filterInput(z);
        type Filters = (typeof filters)['_output'];
        type ProblemStatus =
          InstallAttemptFailureGroups['items'][number]['status'];
        return specObject<Filters & { status?: ProblemStatus }>(z, {
          ...filters.shape,
          status: specToZod(z, spec, PROBLEM_STATUS)
            .optional()
            .describe('Only failed or only stalled attempts (default both)'),
        });
      },
      output: pageOutput('InstallAttemptList', ['items', 'totalCount']),
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
            status: status ? [status] : (PROBLEM_STATUS.enum as string[]),
          },
          {
            asOf,
            stalledAfterMs,
            limit: limit!,
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
