import { ConflictError } from '@backstage/errors';
import {
  customerPortalInvitePermission,
  customerPortalPasswordManagePermission,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  generatePortalPassword,
  hashPortalPassword,
} from '../customerActions/portalPassword';
import { ApiRouter } from './apiRouter';
import { runCustomerAction } from './customerAction';
import { loadCustomer } from './loadCustomer';
import { noStore } from './noStore';
import { RouteContext } from './routeContext';

/** What one may do to a customer's portal from its page, each behind its permission and audited. */
export function addActionRoutes(router: ApiRouter, ctx: RouteContext) {
  const { stores } = ctx;

  /**
   * A customer has one portal (domain §1): the Download Portal, or the
   * Enterprise Portal once enabled. An action on the other one would change
   * nothing its page shows, so it is refused rather than silently kept.
   */
  async function loadCustomerWithPortal(
    customerId: string,
    portal: 'download' | 'enterprise',
  ) {
    const customer = await loadCustomer(ctx, customerId);
    const enterprise = Boolean(customer.enterprise_portal_enabled);
    if (enterprise !== (portal === 'enterprise')) {
      throw new ConflictError(
        enterprise
          ? `Customer ${customerId} uses the Enterprise Portal, which has no Download Portal password`
          : `Customer ${customerId} does not have the Enterprise Portal enabled; enable it before inviting users`,
      );
    }
    return customer;
  }

  router.post(
    '/v1/customers/:customerId/download-portal/password',
    async (req, res) => {
      const { customerId } = req.params;
      const event = {
        eventId: 'portal-password',
        severityLevel: 'high',
        permission: customerPortalPasswordManagePermission,
      } as const;
      await runCustomerAction(
        ctx,
        req,
        customerId,
        event,
        async (credentials, trail) => {
          // No body at all asks for a generated one, as `{}` does.
          const body = req.body ?? {};
          await loadCustomerWithPortal(customerId, 'download');
          const password = body.password ?? generatePortalPassword();
          await stores.customers.setPortalPassword(
            customerId,
            await hashPortalPassword(password),
            ctx.audit.actorOf(credentials),
            ctx.clock(),
          );
          const generated = body.password === undefined;
          await trail.record(credentials, {
            customerId,
            action: generated
              ? 'portal-password-generated'
              : 'portal-password-set',
            details: {},
          });
          // A generated password is shown once, here; a chosen one is never echoed.
          noStore(res);
          if (generated) res.json({ password });
          else res.status(204).end();
        },
      );
    },
  );

  router.put(
    '/v1/customers/:customerId/enterprise-portal',
    async (req, res) => {
      const { customerId } = req.params;
      const event = {
        eventId: 'enterprise-portal',
        severityLevel: 'high',
        permission: customerPortalInvitePermission,
      } as const;
      await runCustomerAction(
        ctx,
        req,
        customerId,
        event,
        async (credentials, trail) => {
          const { enabled } = req.body;
          await loadCustomer(ctx, customerId);
          await stores.customers.setEnterprisePortal(
            customerId,
            enabled,
            ctx.clock(),
          );
          await trail.record(credentials, {
            customerId,
            action: enabled
              ? 'enterprise-portal-enabled'
              : 'enterprise-portal-disabled',
            details: {},
          });
          res.json({ enabled });
        },
      );
    },
  );

  router.post(
    '/v1/customers/:customerId/enterprise-portal/invitations',
    async (req, res) => {
      const { customerId } = req.params;
      const event = {
        eventId: 'portal-invitation',
        severityLevel: 'high',
        permission: customerPortalInvitePermission,
      } as const;
      await runCustomerAction(
        ctx,
        req,
        customerId,
        event,
        async (credentials, trail) => {
          const invited = req.body.email.trim().toLowerCase();
          await loadCustomerWithPortal(customerId, 'enterprise');
          if (!(await stores.portal.invite(customerId, invited, ctx.clock()))) {
            throw new ConflictError(`${invited} has already been invited`);
          }
          await trail.record(credentials, {
            customerId,
            action: 'portal-user-invited',
            details: { email: invited },
          });
          res.status(201).json({ email: invited, status: 'invited' });
        },
      );
    },
  );
}
