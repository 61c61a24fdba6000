import { JsonObject } from '@backstage/types';
import { IngestResult } from '@customer-reporting/plugin-customer-reporting-common';
import { ApiRouter } from './apiRouter';
import { CallerRequest, RouteContext } from './routeContext';

/**
 * The write side: apps, customers and the three batched ingest routes. The
 * router leaves their requests to the ingest service's validation
 * (`x-ingest-validation` in the spec), which reports every problem.
 */
export function addIngestRoutes(router: ApiRouter, ctx: RouteContext) {
  const { ingest, stores } = ctx;
  // Every write is an auditor event `ingest`; `actionType` names the route.
  const audited = (
    req: CallerRequest,
    meta: JsonObject,
    // A batch returns its counts for the event; single writes nothing.
    write: () => Promise<IngestResult | void>,
  ) =>
    ctx.audit.run(
      req,
      { eventId: 'ingest', severityLevel: 'medium', meta },
      async trail => {
        await ctx.requireIngest(req);
        const result = await write();
        if (result)
          trail.addMeta({
            accepted: result.accepted,
            duplicates: result.duplicates,
          });
      },
    );

  router.put('/v1/apps/:appSlug', async (req, res) => {
    const meta = { actionType: 'app', appSlug: req.params.appSlug };
    await audited(req, meta, async () => {
      res.json(await ingest.putApp(req.params.appSlug, req.body));
    });
  });

  router.put('/v1/customers/:customerId', async (req, res) => {
    const meta = { actionType: 'customer', customerId: req.params.customerId };
    await audited(req, meta, async () => {
      const { customerId } = req.params;
      // The ingest service validates the id with the body.
      await ingest.putCustomer(customerId, req.body);
      const { items } = await stores.customers.listCustomers({
        limit: 1,
        ids: [customerId],
        // Its creation may be up to 5 minutes ahead of the clock (skew).
        asOf: Math.max(ctx.clock(), Date.parse(req.body.createdAt)),
        activeWindowMs: ctx.options.activeWindowMs,
      });
      res.json(items[0]);
    });
  });

  router.post('/v1/check-ins', async (req, res) => {
    await audited(req, { actionType: 'check-ins' }, async () => {
      // Validation copies what it keeps, so the parsed batch is not held
      // by the request while the batch's writes wait on the database: the
      // garbage collector would copy it along with everything still in use.
      const body = req.body;
      (req as { body: unknown }).body = undefined;
      const result = await ingest.ingestCheckIns(body);
      res.json(result);
      return result;
    });
  });

  router.post('/v1/install-attempt-events', async (req, res) => {
    await audited(req, { actionType: 'install-attempt-events' }, async () => {
      const result = await ingest.ingestInstallAttemptEvents(req.body);
      res.json(result);
      return result;
    });
  });

  router.post('/v1/portal-events', async (req, res) => {
    await audited(req, { actionType: 'portal-events' }, async () => {
      const result = await ingest.ingestPortalEvents(req.body);
      res.json(result);
      return result;
    });
  });
}
