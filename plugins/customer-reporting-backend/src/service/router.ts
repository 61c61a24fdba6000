import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Stores } from '../database/createStores';
import { IngestService } from '../ingest/IngestService';
import { PluginOptions } from '../options';
import { CustomerAccess } from '../permissions/CustomerAccess';
import { addActionRoutes } from './actionRoutes';
import { addAlertRoutes } from './alertRoutes';
import { addAdoptionRoutes } from './adoptionRoutes';
import { addAuditRoutes } from './auditRoutes';
import { addCustomerRoutes } from './customerRoutes';
import { addDataSourceRoutes } from './dataSourceRoutes';
import { requestErrorHandler } from './errorHandler';
import { addExportRoutes } from './exportRoutes';
import { addIngestRoutes } from './ingestRoutes';
import { addInstallAttemptRoutes } from './installAttemptRoutes';
import { addInstanceRoutes } from './instanceRoutes';
import { createRouteContext } from './routeContext';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  access: CustomerAccess;
  stores: Stores;
  ingest: IngestService;
  options: PluginOptions;
  clock: () => number;
  /** Ids of the registered data sources, whose sync status is served. */
  dataSourceIds?: string[];
}

/** The plugin's HTTP API (src/schema/openapi.yaml). */
export async function createRouter(
  routerOptions: RouterOptions,
): Promise<express.Router> {
  const ctx = createRouteContext(routerOptions);
  const router = Router();
  router.use(express.json({ limit: routerOptions.options.maxBodyBytes }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  addIngestRoutes(router, ctx);
  addCustomerRoutes(router, ctx);
  addActionRoutes(router, ctx);
  addInstanceRoutes(router, ctx);
  // Before the attempt list so /install-attempts/summary is not shadowed.
  addAuditRoutes(router, ctx);
  addInstallAttemptRoutes(router, ctx);
  addExportRoutes(router, ctx);
  addDataSourceRoutes(router, ctx, routerOptions.dataSourceIds ?? []);
  addAlertRoutes(router, ctx);
  addAdoptionRoutes(router, ctx);

  router.use(requestErrorHandler);
  return router;
}
