import {
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { AuditTrail } from './auditedAction';
import { CallerRequest, RouteContext } from './routeContext';

/**
 * A privileged action on a customer, audited from before its permission
 * check so that refusals are audited too.
 */
export function runCustomerAction(
  ctx: RouteContext,
  req: CallerRequest,
  customerId: string,
  event: {
    eventId: string;
    severityLevel: AuditorServiceEventSeverityLevel;
    permission: ResourcePermission<'customer-reporting-customer'>;
  },
  action: (
    credentials: BackstageCredentials,
    trail: AuditTrail,
  ) => Promise<void>,
) {
  return ctx.audit.run(
    req,
    {
      eventId: event.eventId,
      severityLevel: event.severityLevel,
      meta: { customerId },
    },
    async trail =>
      action(
        await ctx.requireCustomer(req, customerId, event.permission),
        trail,
      ),
  );
}
