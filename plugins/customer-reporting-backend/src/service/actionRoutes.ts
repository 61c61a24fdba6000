import { z } from 'zod';
import {
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  customerLicenseDownloadPermission,
  customerPortalInvitePermission,
  customerPortalPasswordManagePermission,
} from '@customer-reporting/plugin-customer-reporting-common';
import { helmInstructions } from '../customerActions/helmInstructions';
import {
  licenseFileName,
  signedLicenseYaml,
} from '../customerActions/licenseDocument';
import {
  generatePortalPassword,
  hashPortalPassword,
} from '../customerActions/portalPassword';
import { ApiRouter } from './apiRouter';
import { noStore } from './noStore';
import { cursorInteger, decodeCursor, encodeCursor } from './readQueries';
import { AuditTrail } from './auditedAction';
import { CallerRequest, RouteContext } from './routeContext';
import { setAttachment } from './attachment';

/** What one may do from a customer's page, each behind its permission and audited. */
export function addActionRoutes(router: ApiRouter, ctx: RouteContext) {
  const { stores, options } = ctx;

  async function loadCustomer(customerId: string) {
    const customer = await stores.report.getCustomer(customerId);
    if (!customer) throw new NotFoundError(`Unknown customer: ${customerId}`);
    return customer;
  }

  /**
   * A customer has one portal (domain §1): the Download Portal, or the
   * Enterprise Portal once enabled. An action on the other one would change
   * nothing its page shows, so it is refused rather than silently kept.
   */
  async function loadCustomerWithPortal(
    customerId: string,
    portal: 'download' | 'enterprise',
  ) {
    const customer = await loadCustomer(customerId);
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

  /**
   * A privileged action on a customer, audited from before its permission
   * check so that refusals are audited too.
   */
  const customerAction = (
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
  ) =>
    ctx.audit.run(
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

  router.get(
    '/v1/customers/:customerId/helm-instructions',
    async (req, res) => {
      const { customerId } = req.params;
      // Audited because the instructions may hold the license ID.
      const event = { eventId: 'helm-instructions', meta: { customerId } };
      await ctx.audit.run(req, event, async trail => {
        // The license ID is the registry password: only for license admins.
        const { allowsAlso: showLicenseId } = await ctx.requireCustomerAnd(
          req,
          customerId,
          customerLicenseDownloadPermission,
        );
        const customer = await loadCustomer(customerId);
        trail.addMeta({ licenseIdShown: showLicenseId });
        const releases =
          (await stores.report.getReleases(customer.app_slug)).get(
            customer.channel_slug,
          ) ?? [];
        const published = releases.filter(r => r.promotedAt <= ctx.clock());
        const latest = published.reduce<(typeof published)[number] | undefined>(
          (a, b) => (!a || b.promotedAt > a.promotedAt ? b : a),
          undefined,
        );
        if (showLicenseId) noStore(res);
        res.json(
          helmInstructions({
            customerName: customer.name,
            email: customer.email,
            licenseId: showLicenseId ? customer.license_id : null,
            appSlug: customer.app_slug,
            channelSlug: customer.channel_slug,
            helmInstall: Boolean(JSON.parse(customer.features).helmInstall),
            latestVersion: latest?.versionLabel ?? null,
            registryHost: options.helmRegistryHost,
            chartName:
              options.helmChartNames[customer.app_slug] ?? customer.app_slug,
          }),
        );
      });
    },
  );

  router.get('/v1/customers/:customerId/license', async (req, res) => {
    const { customerId } = req.params;
    const event = {
      eventId: 'license-download',
      severityLevel: 'medium',
      permission: customerLicenseDownloadPermission,
    } as const;
    await customerAction(req, customerId, event, async (credentials, trail) => {
      if (!options.licenseSigningKey) {
        throw new ServiceUnavailableError(
          'License downloads need customerReporting.license.signingKey in the configuration',
        );
      }
      const customer = await loadCustomer(customerId);
      const document = signedLicenseYaml(
        {
          customerId: customer.id,
          customerName: customer.name,
          email: customer.email ?? null,
          appSlug: customer.app_slug,
          channel: customer.channel_slug,
          licenseType: customer.license_type,
          licenseId: customer.license_id,
          createdAt: new Date(Number(customer.created_at)).toISOString(),
          expiresAt:
            customer.expires_at === null
              ? null
              : new Date(Number(customer.expires_at)).toISOString(),
          entitlements: {
            ...JSON.parse(customer.features),
            enterprisePortal: Boolean(customer.enterprise_portal_enabled),
          },
          customFields: JSON.parse(customer.custom_fields),
        },
        options.licenseSigningKey,
        new Date(ctx.clock()).toISOString(),
      );
      await trail.record(credentials, {
        customerId,
        action: 'license-download',
        details: {},
      });
      noStore(res);
      res.setHeader('Content-Type', 'application/yaml; charset=utf-8');
      setAttachment(res, licenseFileName(customer.name));
      res.send(document);
    });
  });

  router.post(
    '/v1/customers/:customerId/download-portal/password',
    async (req, res) => {
      const { customerId } = req.params;
      const event = {
        eventId: 'portal-password',
        severityLevel: 'high',
        permission: customerPortalPasswordManagePermission,
      } as const;
      await customerAction(
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
      await customerAction(
        req,
        customerId,
        event,
        async (credentials, trail) => {
          const { enabled } = req.body;
          await loadCustomer(customerId);
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
      await customerAction(
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

  router.get('/v1/customers/:customerId/audit', async (req, res) => {
    const { customerId } = req.params;
    await ctx.requireCustomer(req, customerId);
    await loadCustomer(customerId);
    const query = req.query;
    const before = query.cursor
      ? decodeCursor(query.cursor, z.object({ id: cursorInteger })).id
      : undefined;
    const { items, lastId, hasMore } = await stores.auditTrail.list(
      customerId,
      query.limit!, // the spec's default filled in
      before,
    );
    res.json({
      items,
      nextCursor:
        hasMore && lastId !== undefined ? encodeCursor({ id: lastId }) : null,
    });
  });
}
