import { customerReportingDataSourcesReadPermission } from '@customer-reporting/plugin-customer-reporting-common';
import { ApiRouter } from './apiRouter';
import { asOfTime } from './readQueries';
import { RouteContext } from './routeContext';

/** Sync status of the registered data sources. */
export function addDataSourceRoutes(
  router: ApiRouter,
  ctx: RouteContext,
  dataSourceIds: string[],
) {
  // Audited: sync errors may name outside systems and their accounts.
  router.get('/v1/data-sources', async (req, res) => {
    await ctx.audit.run(req, { eventId: 'data-source-status' }, async () => {
      await ctx.requirePermission(
        req,
        customerReportingDataSourcesReadPermission,
      );
      // Like every read route it takes `asOf` (the spec), checked alike,
      // but sync status keeps no history: the answer is the status now.
      asOfTime(req.query.asOf, ctx.clock);
      res.json({
        items: await ctx.stores.dataSourceSyncs.list(dataSourceIds),
      });
    });
  });
}
