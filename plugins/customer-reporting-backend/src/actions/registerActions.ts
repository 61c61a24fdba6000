import { ActionContext } from './actionContext';
import { registerCustomerHealthAction } from './customerHealthAction';
import { registerInstallAttemptSummaryAction } from './installAttemptSummaryAction';
import { registerInstanceEventsAction } from './instanceEventsAction';
import { registerListCustomersAction } from './listCustomersAction';
import { registerProblemAttemptsAction } from './problemAttemptsAction';

/**
 * The plugin's read-only actions in Backstage's actions registry, which the
 * MCP actions backend offers AI clients as tools (docs/mcp.md).
 */
export function registerActions(ctx: ActionContext) {
  registerListCustomersAction(ctx);
  registerCustomerHealthAction(ctx);
  registerInstanceEventsAction(ctx);
  registerInstallAttemptSummaryAction(ctx);
  registerProblemAttemptsAction(ctx);
}
