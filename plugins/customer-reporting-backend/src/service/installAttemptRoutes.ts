import { Router } from 'express';
import { z } from 'zod/v4';
import { toListedAttempt } from '../report/attemptView';
import { attemptListQuery, toAttemptFilters } from './attemptQueries';
import { decodeCursor, encodeCursor, parseQuery } from './readQueries';
import { RouteContext } from './routeContext';

const attemptCursor = z.object({
  value: z.union([z.string(), z.number()]),
  id: z.string(),
});

/** All customers' install attempts, newest first, filtered and paged. */
export function addInstallAttemptRoutes(router: Router, ctx: RouteContext) {
  router.get('/v1/install-attempts', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    const query = parseQuery(attemptListQuery, req.query);
    const asOf = query.asOf ?? ctx.clock();
    const { stalledAfterMs } = ctx.options;
    const { rows, totalCount, hasMore } =
      await ctx.stores.installAttempts.listAttempts(toAttemptFilters(query), {
        asOf,
        stalledAfterMs,
        limit: query.limit,
        sort: query.sort,
        customerFilter,
        order: query.order,
        after: query.cursor
          ? decodeCursor(query.cursor, attemptCursor)
          : undefined,
      });
    const last = rows[rows.length - 1];
    res.json({
      items: rows.map(row => toListedAttempt(row, asOf, stalledAfterMs)),
      totalCount,
      nextCursor:
        hasMore && last
          ? encodeCursor({ value: last.sort_value, id: last.id })
          : null,
    });
  });
}
