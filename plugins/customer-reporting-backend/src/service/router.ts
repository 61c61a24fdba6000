import express from 'express';
import { NotFoundError } from '@backstage/errors';
import { addActionRoutes } from './actionRoutes';
import { addAlertRoutes } from './alertRoutes';
import { addAdoptionRoutes } from './adoptionRoutes';
import { createApiRouter } from './apiRouter';
import { addAuditRoutes } from './auditRoutes';
import { addCustomerAuditRoute } from './customerAuditRoute';
import { addCustomerRoutes } from './customerRoutes';
import { addDataSourceRoutes } from './dataSourceRoutes';
import { requestErrorHandler } from './errorHandler';
import { addExportRoutes } from './exportRoutes';
import { addIngestRoutes } from './ingestRoutes';
import { addInstallAttemptRoutes } from './installAttemptRoutes';
import { addInstanceArchiveRoute } from './instanceArchiveRoute';
import { addInstanceRoutes } from './instanceRoutes';
import { addLicenseRoutes } from './licenseRoutes';
import { gzipJsonAnswers } from './gzipJsonAnswers';
import { jsonBody } from './jsonBody';
import { createRouteContext, RouteContextOptions } from './routeContext';

/**
 * A path or method under /v1 that the API does not have: a 404 with the
 * error body of every other answer rather than express's empty one. Only
 * under /v1: Backstage serves its own routes (e.g. the permission
 * integration's /.well-known/…) after this router on the same path.
 */
const noSuchRoute: express.RequestHandler = (req, _res, next) =>
  next(new NotFoundError(`No such route: ${req.method} /v1${req.path}`));

export interface RouterOptions extends RouteContextOptions {
  /** Ids of the registered data sources, whose sync status is served. */
  dataSourceIds?: string[];
}

/**
 * The plugin's HTTP API, on the router generated from src/schema/openapi.yaml
 * (which also serves it as /openapi.json).
 */
export async function createRouter(
  routerOptions: RouterOptions,
): Promise<express.Router> {
  const ctx = createRouteContext(routerOptions);
  const router = await createApiRouter();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  addIngestRoutes(router, ctx);
  addCustomerRoutes(router, ctx);
  addActionRoutes(router, ctx);
  addLicenseRoutes(router, ctx);
  addCustomerAuditRoute(router, ctx);
  addInstanceRoutes(router, ctx);
  addInstanceArchiveRoute(router, ctx);
  // Before the attempt list so /install-attempts/summary is not shadowed.
  addAuditRoutes(router, ctx);
  addInstallAttemptRoutes(router, ctx);
  addExportRoutes(router, ctx);
  addDataSourceRoutes(router, ctx, routerOptions.dataSourceIds ?? []);
  addAlertRoutes(router, ctx);
  addAdoptionRoutes(router, ctx);

  return express
    .Router()
    .use(jsonBody(routerOptions.options.maxBodyBytes))
    .use(gzipJsonAnswers())
    .use(router)
    .use('/v1', noSuchRoute)
    .use(requestErrorHandler);
}
