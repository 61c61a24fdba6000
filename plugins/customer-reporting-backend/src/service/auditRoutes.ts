import { Router } from 'express';
import { z } from 'zod/v4';
import { AuditQuery } from '../database/DatabaseInstallAuditStore';
import { TimeToInstallGroupBy } from '../database/DatabaseTimeToInstallStatsStore';
import { attemptAuditQuery, toAttemptFilters } from './attemptQueries';
import { asOfQuery, parseQuery } from './readQueries';
import { RouteContext } from './routeContext';

const ttiQuery = asOfQuery
  .extend({ groupBy: z.enum(['app', 'channel', 'appVersion']).default('app') })
  .strict();

/** Fleet-wide install audit: summary, funnel, failure groups, trend, time to install. */
export function addAuditRoutes(router: Router, ctx: RouteContext) {
  const figures: Record<string, (q: AuditQuery) => Promise<unknown>> = {
    summary: q => ctx.stores.installAudit.summary(q),
    funnel: q => ctx.stores.installAudit.funnel(q),
    'failure-groups': q => ctx.stores.installAudit.failureGroups(q),
    trend: q => ctx.stores.installAudit.trend(q),
  };
  for (const [name, compute] of Object.entries(figures)) {
    router.get(`/v1/install-attempts/${name}`, async (req, res) => {
      const customerFilter = await ctx.customerFilter(req);
      const query = parseQuery(attemptAuditQuery, req.query);
      res.json(
        await compute({
          filters: toAttemptFilters(query),
          asOf: query.asOf ?? ctx.clock(),
          stalledAfterMs: ctx.options.stalledAfterMs,
          customerFilter,
        }),
      );
    });
  }

  router.get('/v1/time-to-install/stats', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    const query = parseQuery(ttiQuery, req.query);
    res.json(
      await ctx.stores.timeToInstallStats.stats(
        query.groupBy as TimeToInstallGroupBy,
        query.asOf ?? ctx.clock(),
        customerFilter,
      ),
    );
  });
}
