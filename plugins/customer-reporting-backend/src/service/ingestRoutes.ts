import { Router } from 'express';
import { id, slug } from '../ingest/fields';
import { validateOne } from '../ingest/validate';
import { RouteContext } from './routeContext';

/** The write side: apps, customers and the three batched ingest routes. */
export function addIngestRoutes(router: Router, ctx: RouteContext) {
  const { ingest, stores } = ctx;

  router.put('/v1/apps/:appSlug', async (req, res) => {
    await ctx.requireIngest(req);
    const appSlug = validateOne(slug, req.params.appSlug);
    res.json(await ingest.putApp(appSlug, req.body));
  });

  router.put('/v1/customers/:customerId', async (req, res) => {
    await ctx.requireIngest(req);
    const customerId = validateOne(id, req.params.customerId);
    await ingest.putCustomer(customerId, req.body);
    const { items } = await stores.customers.listCustomers({
      limit: 1,
      ids: [customerId],
      asOf: ctx.clock(),
      activeWindowMs: ctx.options.activeWindowMs,
    });
    res.json(items[0]);
  });

  router.post('/v1/check-ins', async (req, res) => {
    await ctx.requireIngest(req);
    res.json(await ingest.ingestCheckIns(req.body));
  });

  router.post('/v1/install-attempt-events', async (req, res) => {
    await ctx.requireIngest(req);
    res.json(await ingest.ingestInstallAttemptEvents(req.body));
  });

  router.post('/v1/portal-events', async (req, res) => {
    await ctx.requireIngest(req);
    res.json(await ingest.ingestPortalEvents(req.body));
  });
}
