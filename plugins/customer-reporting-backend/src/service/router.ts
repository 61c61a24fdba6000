import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Stores } from '../database/createStores';
import { IngestService } from '../ingest/IngestService';
import { id, slug } from '../ingest/fields';
import { validateOne } from '../ingest/validate';
import { requestErrorHandler } from './errorHandler';
import { PluginOptions } from '../options';
import { buildCustomerReport } from '../report/buildCustomerReport';
import {
  customerListQuery,
  decodeCursor,
  encodeCursor,
  parseQuery,
  reportQuery,
} from './readQueries';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  stores: Stores;
  ingest: IngestService;
  options: PluginOptions;
  clock: () => number;
}

const customerCursor = z.object({ name: z.string(), id: z.string() });

export async function createRouter(
  routerOptions: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, stores, ingest, clock } = routerOptions;
  const options = routerOptions.options;
  const router = Router();
  router.use(express.json({ limit: options.maxBodyBytes }));

  // Writes come from other backends or static-token callers, never users.
  const requireService = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['service'] });
  const requireReader = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.put('/v1/apps/:appSlug', async (req, res) => {
    await requireService(req);
    const appSlug = validateOne(slug, req.params.appSlug);
    res.json(await ingest.putApp(appSlug, req.body));
  });

  router.put('/v1/customers/:customerId', async (req, res) => {
    await requireService(req);
    const customerId = validateOne(id, req.params.customerId);
    await ingest.putCustomer(customerId, req.body);
    const [customer] = (
      await stores.customers.listCustomers({
        search: undefined,
        limit: 1,
        after: undefined,
        activeSince: clock() - options.activeWindowMs,
        ids: [customerId],
      })
    ).items;
    res.json(customer);
  });

  router.post('/v1/check-ins', async (req, res) => {
    await requireService(req);
    res.json(await ingest.ingestCheckIns(req.body));
  });

  router.post('/v1/install-attempt-events', async (req, res) => {
    await requireService(req);
    res.json(await ingest.ingestInstallAttemptEvents(req.body));
  });

  router.post('/v1/portal-events', async (req, res) => {
    await requireService(req);
    res.json(await ingest.ingestPortalEvents(req.body));
  });

  router.get('/v1/customers', async (req, res) => {
    await requireReader(req);
    const query = parseQuery(customerListQuery, req.query);
    const now = query.asOf ?? clock();
    const { items, totalCount, hasMore } = await stores.customers.listCustomers(
      {
        ...query,
        after: query.cursor
          ? decodeCursor(query.cursor, customerCursor)
          : undefined,
        activeSince: now - options.activeWindowMs,
      },
    );
    const last = items[items.length - 1];
    res.json({
      items,
      totalCount,
      nextCursor:
        hasMore && last ? encodeCursor({ name: last.name, id: last.id }) : null,
    });
  });

  router.get('/v1/customers/:customerId/report', async (req, res) => {
    await requireReader(req);
    const customerId = validateOne(id, req.params.customerId);
    const query = parseQuery(reportQuery, req.query);
    res.json(
      await buildCustomerReport(stores.report, customerId, {
        asOf: query.asOf ?? clock(),
        includeInactive: query.includeInactive,
        includeArchived: query.includeArchived,
        activeWindowMs: options.activeWindowMs,
        stalledAfterMs: options.stalledAfterMs,
        downloadPortalBaseUrl: options.downloadPortalBaseUrl,
      }),
    );
  });

  router.use(requestErrorHandler);
  return router;
}
