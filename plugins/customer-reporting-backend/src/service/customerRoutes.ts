import { z } from 'zod';
import {
  customerLicenseDownloadPermission,
  CustomerSort,
} from '@customer-reporting/plugin-customer-reporting-common';
import { buildCustomerReport } from '../report/buildCustomerReport';
import { ApiRouter } from './apiRouter';
import {
  asOfTime,
  cursorInteger,
  cursorText,
  decodeCursor,
  encodeCursor,
} from './readQueries';
import { noStore } from './noStore';
import { RouteContext } from './routeContext';

/**
 * The list's cursor names its sort and order, so a cursor is never applied to
 * another sort than the one it was read with.
 */
function customerCursor(sort: CustomerSort, order: 'asc' | 'desc') {
  return z.object({
    sort: z.literal(sort),
    order: z.literal(order),
    value: sort === 'name' ? cursorText : cursorInteger,
    name: cursorText,
    id: cursorText,
  });
}

/** The customer list, the apps it filters by, and one customer's report. */
export function addCustomerRoutes(router: ApiRouter, ctx: RouteContext) {
  const { stores, options } = ctx;

  router.get('/v1/customers', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    const { cursor, active, asOf, ...query } = req.query;
    // The validator filled in the spec's defaults.
    const sort = query.sort!;
    const order = query.order!;
    const { items, totalCount, hasMore, lastKey } =
      await stores.customers.listCustomers({
        ...query,
        limit: query.limit!,
        active: active === undefined ? undefined : active === 'true',
        after: cursor
          ? decodeCursor(cursor, customerCursor(sort, order))
          : undefined,
        asOf: asOfTime(asOf, ctx.clock),
        activeWindowMs: options.activeWindowMs,
        customerFilter,
      });
    res.json({
      items,
      totalCount,
      nextCursor:
        hasMore && lastKey ? encodeCursor({ sort, order, ...lastKey }) : null,
    });
  });

  router.get('/v1/apps', async (req, res) => {
    // asOf is checked like every read route's; the list does not depend on it.
    asOfTime(req.query.asOf, ctx.clock);
    const customerFilter = await ctx.customerFilter(req);
    res.json({
      items: await stores.customers.listCustomerApps(customerFilter),
    });
  });

  router.get('/v1/customers/:customerId/report', async (req, res) => {
    const { customerId } = req.params;
    // Read and license download in one permission call, before any read.
    const { allowsAlso: showLicenseId } = await ctx.requireCustomerAnd(
      req,
      customerId,
      customerLicenseDownloadPermission,
    );
    const query = req.query;
    const report = await buildCustomerReport(stores.report, customerId, {
      asOf: asOfTime(query.asOf, ctx.clock),
      includeInactive: query.includeInactive === 'true',
      includeArchived: query.includeArchived === 'true',
      activeWindowMs: options.activeWindowMs,
      stalledAfterMs: options.stalledAfterMs,
      downloadPortalBaseUrl: options.downloadPortalBaseUrl,
    });
    // The license ID is the Helm registry password: only for license admins.
    if (showLicenseId) noStore(res);
    res.json(
      showLicenseId
        ? report
        : { ...report, customer: { ...report.customer, licenseId: null } },
    );
  });
}
