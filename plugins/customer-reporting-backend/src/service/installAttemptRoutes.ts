import { z } from 'zod';
import { toListedAttempt } from '../report/attemptView';
import { ApiRouter } from './apiRouter';
import { toAttemptFilters } from './attemptQueries';
import {
  AttemptSort,
  NUMERIC_ATTEMPT_SORTS,
} from '../database/DatabaseInstallAttemptsStore';
import {
  asOfTime,
  cursorInteger,
  cursorText,
  decodeCursor,
  encodeCursor,
} from './readQueries';
import { RouteContext } from './routeContext';

/** The sort value the list's cursor carries is of the sort's type. */
function attemptCursor(sort: AttemptSort) {
  return z.object({
    value: NUMERIC_ATTEMPT_SORTS.has(sort) ? cursorInteger : cursorText,
    id: cursorText,
  });
}

/** All customers' install attempts, newest first, filtered and paged. */
export function addInstallAttemptRoutes(router: ApiRouter, ctx: RouteContext) {
  router.get('/v1/install-attempts', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    const query = req.query;
    const asOf = asOfTime(query.asOf, ctx.clock);
    const { stalledAfterMs } = ctx.options;
    const { rows, totalCount, hasMore, lastKey } =
      await ctx.stores.installAttempts.listAttempts(toAttemptFilters(query), {
        asOf,
        stalledAfterMs,
        // The spec's defaults filled in.
        limit: query.limit!,
        sort: query.sort!,
        customerFilter,
        order: query.order!,
        after: query.cursor
          ? decodeCursor(query.cursor, attemptCursor(query.sort!))
          : undefined,
      });
    res.json({
      items: rows.map(row => toListedAttempt(row, asOf, stalledAfterMs)),
      totalCount,
      nextCursor: hasMore && lastKey ? encodeCursor(lastKey) : null,
    });
  });
}
