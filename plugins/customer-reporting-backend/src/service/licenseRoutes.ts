import { ServiceUnavailableError } from '@backstage/errors';
import { customerLicenseDownloadPermission } from '@customer-reporting/plugin-customer-reporting-common';
import { helmInstructions } from '../customerActions/helmInstructions';
import {
  licenseFileName,
  signedLicenseYaml,
} from '../customerActions/licenseDocument';
import { ApiRouter } from './apiRouter';
import { setAttachment } from './attachment';
import { runCustomerAction } from './customerAction';
import { loadCustomer } from './loadCustomer';
import { noStore } from './noStore';
import { asOfTime } from './readQueries';
import { RouteContext } from './routeContext';

/** What a customer installs with, from its page: Helm instructions and its signed license. */
export function addLicenseRoutes(router: ApiRouter, ctx: RouteContext) {
  const { stores, options } = ctx;

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
        const asOf = asOfTime(req.query.asOf, ctx.clock);
        const customer = await loadCustomer(ctx, customerId, asOf);
        trail.addMeta({ licenseIdShown: showLicenseId });
        const releases =
          (await stores.report.getReleases(customer.app_slug)).get(
            customer.channel_slug,
          ) ?? [];
        const published = releases.filter(r => r.promotedAt <= asOf);
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
    await runCustomerAction(
      ctx,
      req,
      customerId,
      event,
      async (credentials, trail) => {
        if (!options.licenseSigningKey) {
          throw new ServiceUnavailableError(
            'License downloads need customerReporting.license.signingKey in the configuration',
          );
        }
        const customer = await loadCustomer(
          ctx,
          customerId,
          asOfTime(req.query.asOf, ctx.clock),
        );
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
      },
    );
  });
}
