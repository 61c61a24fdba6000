import { Router } from 'express';
import { z } from 'zod/v4';
import { id } from '../ingest/fields';
import { validateOne } from '../ingest/validate';
import { buildCustomerReport } from '../report/buildCustomerReport';
import {
  customerListQuery,
  decodeCursor,
  encodeCursor,
  parseQuery,
  reportQuery,
} from './readQueries';
import { RouteContext } from './routeContext';

const customerCursor = z.object({ name: z.string(), id: z.string() });

/** The customer list and one customer's report. */
export function addCustomerRoutes(router: Router, ctx: RouteContext) {
  const { stores, options } = ctx;

  router.get('/v1/customers', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    const query = parseQuery(customerListQuery, req.query);
    const { items, totalCount, hasMore } = await stores.customers.listCustomers(
      {
        ...query,
        after: query.cursor
          ? decodeCursor(query.cursor, customerCursor)
          : undefined,
        asOf: query.asOf ?? ctx.clock(),
        activeWindowMs: options.activeWindowMs,
        customerFilter,
      },
    );
    const last = items[items.length - 1];
    res.json({
      items,
      totalCount,
      nextCursor:
        hasMore && last ? encodeCursor({ name: last.name, id: last.id }) : null,
    });
  });

  router.get('/v1/customers/:customerId/report', async (req, res) => {
    const customerId = validateOne(id, req.params.customerId);
    await ctx.requireCustomer(req, customerId);
    const query = parseQuery(reportQuery, req.query);
    res.json(
      await buildCustomerReport(stores.report, customerId, {
        asOf: query.asOf ?? ctx.clock(),
        includeInactive: query.includeInactive,
        includeArchived: query.includeArchived,
        activeWindowMs: options.activeWindowMs,
        stalledAfterMs: options.stalledAfterMs,
        downloadPortalBaseUrl: options.downloadPortalBaseUrl,
      }),
    );
  });
}
