import { ConflictError } from '@backstage/errors';
import { customerInstanceArchivePermission } from '@customer-reporting/plugin-customer-reporting-common';
import { decodeField } from '../ingest/checkInFields';
import { archiveRefusal } from '../metrics/archiveEligibility';
import { loadInstance } from '../report/buildInstanceDetails';
import { ApiRouter } from './apiRouter';
import { RouteContext } from './routeContext';

/**
 * Archiving an instance hides it from the report by default and from the
 * customer's counts and health; only inactive, air gap or
 * development-license instances may be (409 otherwise). Audited, refusals
 * too.
 */
export function addInstanceArchiveRoute(router: ApiRouter, ctx: RouteContext) {
  const { stores, options } = ctx;
  router.put('/v1/instances/:instanceId/archived', async (req, res) => {
    const { instanceId } = req.params;
    const { archived } = req.body;
    const event = {
      eventId: 'instance-archive',
      severityLevel: 'medium',
      meta: { instanceId, archived },
    } as const;
    await ctx.audit.run(req, event, async trail => {
      // 404 or 403 for an unknown instance, as its read routes answer.
      await ctx.requireInstance(req, instanceId);
      const now = ctx.clock();
      const { instance, customer } = await loadInstance(
        stores.report,
        instanceId,
        now,
      );
      const credentials = await ctx.requireCustomer(
        req,
        customer.id,
        customerInstanceArchivePermission,
      );
      if (archived && !instance.archived) {
        const refusal = archiveRefusal(
          {
            id: instance.id,
            airgap: decodeField<boolean>(instance.state, 'airgap') ?? false,
            lastCheckInAt: instance.lastCheckInAt,
          },
          customer.license_type,
          now,
          options.activeWindowMs,
        );
        if (refusal) throw new ConflictError(refusal);
      }
      await stores.instances.setArchived([instanceId], archived);
      await trail.record(credentials, {
        customerId: customer.id,
        action: archived ? 'instance-archived' : 'instance-unarchived',
        details: { instanceId },
      });
      res.json({ archived });
    });
  });
}
