import {
  InstallAttemptFailureGroups,
  InstallAttemptSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { ActionContext } from './actionContext';
import { spec } from '../schema/openapi/generated';
import { toAttemptFilters } from '../service/attemptQueries';
import { ATTEMPT_FILTERS } from './attemptFilters';
import { operationInput, schemaAt, specObject } from './specSchemas';
import { specToZod } from './specToZod';

const SUMMARY = schemaAt('InstallAttemptSummary');
const FAILURE_GROUPS = schemaAt('InstallAttemptFailureGroups', ['items']);

/**
 * `summarize-install-attempts`: the install audit's summary and failure
 * groups (GET /v1/install-attempts/summary and /failure-groups).
 */
export function registerInstallAttemptSummaryAction(ctx: ActionContext) {
  const { access, stores, options, clock } = ctx;
  ctx.actionsRegistry.register({
    name: 'summarize-install-attempts',
    title: 'Summarise install attempts',
    description: `How installs of the customers the caller may see went: attempts by status (succeeded, failed, stalled, in progress, discarded), the success rate of the decided ones, median and p90 duration of the successful ones whose start was reported, and the failure groups: failed and stalled attempts grouped by the step they stopped at and the normalised reason, most frequent first, with how many customers each hit.

Narrow to an app, channel, customer, install type (helm or linux), network mode, registry access, Kubernetes distribution or OS, app version, the step failed or stalled attempts stopped at or a failure group's normalised reason, or a time window of the start (\`from\`, \`to\`).`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: operationInput('GetInstallAttemptSummary', ATTEMPT_FILTERS),
      output: z =>
        specObject<{
          summary: InstallAttemptSummary;
          failureGroups: InstallAttemptFailureGroups['items'];
        }>(z, {
          summary: specToZod(z, spec, SUMMARY),
          failureGroups: specToZod(z, spec, FAILURE_GROUPS),
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
