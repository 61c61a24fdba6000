import { Router } from 'express';
import { z } from 'zod/v4';
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
  MIN_PASSWORD_LENGTH,
} from '../customerActions/portalPassword';
import { email, id } from '../ingest/fields';
import { validateOne } from '../ingest/validate';
import { actorOf } from './actor';
import { noStore } from './noStore';
import { decodeCursor, encodeCursor, parseQuery } from './readQueries';
import { RouteContext } from './routeContext';
import { setAttachment } from './attachment';

const passwordBody = z
  .object({
    password: z
      .string()
      .min(
        MIN_PASSWORD_LENGTH,
        `must be at least ${MIN_PASSWORD_LENGTH} characters`,
      )
      .max(200)
      .optional(),
  })
  .strict();
const invitationBody = z.object({ email }).strict();
const enterprisePortalBody = z.object({ enabled: z.boolean() }).strict();
const auditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

/** What one may do from a customer's page, each behind its permission and audited. */
export function addActionRoutes(router: Router, ctx: RouteContext) {
  const { stores, options } = ctx;

  async function loadCustomer(customerId: string) {
    const customer = await stores.report.getCustomer(customerId);
    if (!customer) throw new NotFoundError(`Unknown customer: ${customerId}`);
    return customer;
  }

  router.get(
    '/v1/customers/:customerId/helm-instructions',
    async (req, res) => {
      const customerId = validateOne(id, req.params.customerId);
      const credentials = await ctx.requireCustomer(req, customerId);
      const customer = await loadCustomer(customerId);
      // The license ID is the registry password: only for license admins.
      const showLicenseId = await ctx.allowsCustomer(
        credentials,
        customerId,
        customerLicenseDownloadPermission,
      );
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
    },
  );

  router.get('/v1/customers/:customerId/license', async (req, res) => {
    const customerId = validateOne(id, req.params.customerId);
    const credentials = await ctx.requireCustomer(
      req,
      customerId,
      customerLicenseDownloadPermission,
    );
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
    await stores.auditTrail.record({
      customerId,
      actor: actorOf(credentials),
      action: 'license-download',
      details: {},
    });
    noStore(res);
    res.setHeader('Content-Type', 'application/yaml; charset=utf-8');
    setAttachment(res, licenseFileName(customer.name));
    res.send(document);
  });

  router.post(
    '/v1/customers/:customerId/download-portal/password',
    async (req, res) => {
      const customerId = validateOne(id, req.params.customerId);
      const credentials = await ctx.requireCustomer(
        req,
        customerId,
        customerPortalPasswordManagePermission,
      );
      const body = validateOne(passwordBody, req.body ?? {});
      await loadCustomer(customerId);
      const password = body.password ?? generatePortalPassword();
      const actor = actorOf(credentials);
      await stores.customers.setPortalPassword(
        customerId,
        await hashPortalPassword(password),
        actor,
        ctx.clock(),
      );
      const generated = body.password === undefined;
      await stores.auditTrail.record({
        customerId,
        actor,
        action: generated ? 'portal-password-generated' : 'portal-password-set',
        details: {},
      });
      // A generated password is shown once, here; a chosen one is never echoed.
      noStore(res);
      if (generated) res.json({ password });
      else res.status(204).end();
    },
  );

  router.put(
    '/v1/customers/:customerId/enterprise-portal',
    async (req, res) => {
      const customerId = validateOne(id, req.params.customerId);
      const credentials = await ctx.requireCustomer(
        req,
        customerId,
        customerPortalInvitePermission,
      );
      const { enabled } = validateOne(enterprisePortalBody, req.body);
      await loadCustomer(customerId);
      await stores.customers.setEnterprisePortal(
        customerId,
        enabled,
        ctx.clock(),
      );
      await stores.auditTrail.record({
        customerId,
        actor: actorOf(credentials),
        action: enabled
          ? 'enterprise-portal-enabled'
          : 'enterprise-portal-disabled',
        details: {},
      });
      res.json({ enabled });
    },
  );

  router.post(
    '/v1/customers/:customerId/enterprise-portal/invitations',
    async (req, res) => {
      const customerId = validateOne(id, req.params.customerId);
      const credentials = await ctx.requireCustomer(
        req,
        customerId,
        customerPortalInvitePermission,
      );
      const invited = validateOne(invitationBody, req.body).email.toLowerCase();
      await loadCustomer(customerId);
      if (!(await stores.portal.invite(customerId, invited, ctx.clock()))) {
        throw new ConflictError(`${invited} has already been invited`);
      }
      await stores.auditTrail.record({
        customerId,
        actor: actorOf(credentials),
        action: 'portal-user-invited',
        details: { email: invited },
      });
      res.status(201).json({ email: invited, status: 'invited' });
    },
  );

  router.get('/v1/customers/:customerId/audit', async (req, res) => {
    const customerId = validateOne(id, req.params.customerId);
    await ctx.requireCustomer(req, customerId);
    const query = parseQuery(auditQuery, req.query);
    const before = query.cursor
      ? decodeCursor(query.cursor, z.object({ id: z.number() })).id
      : undefined;
    const { items, lastId, hasMore } = await stores.auditTrail.list(
      customerId,
      query.limit,
      before,
    );
    res.json({
      items,
      nextCursor:
        hasMore && lastId !== undefined ? encodeCursor({ id: lastId }) : null,
    });
  });
}
