import { z } from 'zod';
import { ApiRouter } from './apiRouter';
import { loadCustomer } from './loadCustomer';
import {
  asOfTime,
  cursorInteger,
  decodeCursor,
  encodeCursor,
} from './readQueries';
import { RouteContext } from './routeContext';

/** A customer's audit trail (Activity) up to asOf, newest first, a page at a time. */
export function addCustomerAuditRoute(router: ApiRouter, ctx: RouteContext) {
  const { stores } = ctx;

  router.get('/v1/customers/:customerId/audit', async (req, res) => {
    const { customerId } = req.params;
    await ctx.requireCustomer(req, customerId);
    const query = req.query;
    const asOf = asOfTime(query.asOf, ctx.clock);
    await loadCustomer(ctx, customerId, asOf);
    const before = query.cursor
      ? decodeCursor(query.cursor, z.object({ id: cursorInteger })).id
      : undefined;
    const { items, lastId, hasMore } = await stores.auditTrail.list(
      customerId,
      query.limit!, // the spec's default filled in
      before,
      asOf,
    );
    res.json({
      items,
      nextCursor:
        hasMore && lastId !== undefined ? encodeCursor({ id: lastId }) : null,
    });
  });
}
