import { ApiRouter } from './apiRouter';
import { AttemptFilterQuery, toAttemptFilters } from './attemptQueries';
import { asOfTime } from './readQueries';
import { CallerRequest, RouteContext } from './routeContext';

/** Fleet-wide install audit: summary, funnel, failure groups, trend, time to install. */
export function addAuditRoutes(router: ApiRouter, ctx: RouteContext) {
  const { installAudit } = ctx.stores;
  const auditQuery = async (
    req: CallerRequest,
    query: AttemptFilterQuery & { asOf?: string },
  ) => ({
    filters: toAttemptFilters(query),
    asOf: asOfTime(query.asOf, ctx.clock),
    stalledAfterMs: ctx.options.stalledAfterMs,
    customerFilter: await ctx.customerFilter(req),
  });

  router.get('/v1/install-attempts/summary', async (req, res) => {
    res.json(await installAudit.summary(await auditQuery(req, req.query)));
  });
  router.get('/v1/install-attempts/funnel', async (req, res) => {
    res.json(await installAudit.funnel(await auditQuery(req, req.query)));
  });
  router.get('/v1/install-attempts/failure-groups', async (req, res) => {
    res.json(
      await installAudit.failureGroups(await auditQuery(req, req.query)),
    );
  });
  router.get('/v1/install-attempts/trend', async (req, res) => {
    res.json(await installAudit.trend(await auditQuery(req, req.query)));
  });

  router.get('/v1/time-to-install/stats', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    res.json(
      await ctx.stores.timeToInstallStats.stats(
        req.query.groupBy!, // the spec's default filled in
        asOfTime(req.query.asOf, ctx.clock),
        customerFilter,
      ),
    );
  });
}
