import { Router } from 'express';
import { z } from 'zod/v4';
import { customerReportingDataSourcesReadPermission } from '@internal/plugin-customer-reporting-common';
import { parseQuery } from './readQueries';
import { RouteContext } from './routeContext';

// The status is always the current one: no asOf, no parameters at all.
const noQuery = z.object({}).strict();

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
    parseQuery(noQuery, req.query);
    res.json({ items: await ctx.stores.dataSourceSyncs.list(dataSourceIds) });
  });
}
