import { Router } from 'express';
import { customerReportingDataSourcesReadPermission } from '@customer-reporting/plugin-customer-reporting-common';
import { asOfQuery, parseQuery } from './readQueries';
import { RouteContext } from './routeContext';

/** Sync status of the registered data sources. */
export function addDataSourceRoutes(
  router: Router,
  ctx: RouteContext,
  dataSourceIds: string[],
) {
  router.get('/v1/data-sources', async (req, res) => {
    await ctx.requirePermission(
      req,
      customerReportingDataSourcesReadPermission,
    );
    // Like every read route it takes `asOf`, but sync status keeps no
    // history: the answer is the status now whatever moment is asked for.
    parseQuery(asOfQuery, req.query);
    res.json({ items: await ctx.stores.dataSourceSyncs.list(dataSourceIds) });
  });
}
