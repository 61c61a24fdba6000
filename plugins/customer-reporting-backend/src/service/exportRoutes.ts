import { Request, Router } from 'express';
import { z } from 'zod/v4';
import { customerReportingExportPermission } from '@customer-reporting/plugin-customer-reporting-common';
import {
  CUSTOMER_COLUMNS,
  CUSTOMER_INSTANCE_COLUMNS,
  customerInstanceRows,
  customerRows,
  INSTALL_ATTEMPT_COLUMNS,
  installAttemptRows,
} from '../report/exportRows';
import { attemptFilterShape, toAttemptFilters } from './attemptQueries';
import { actorOf } from './actor';
import { streamCsv } from './csv';
import { asOfQuery, parseQuery } from './readQueries';
import { RouteContext } from './routeContext';

const attemptExportQuery = z.object(attemptFilterShape).strict();

/**
 * CSV exports, streamed page by page. They need the export permission, hold
 * only the customers the caller may read, and are recorded in the audit trail.
 */
export function addExportRoutes(router: Router, ctx: RouteContext) {
  const { stores, options } = ctx;

  async function authorizeExport(
    req: Request,
    file: string,
    details: Record<string, unknown>,
  ) {
    const credentials = await ctx.requirePermission(
      req,
      customerReportingExportPermission,
    );
    const customerFilter = await ctx.customerFilter(req);
    await stores.auditTrail.record({
      customerId: null,
      actor: actorOf(credentials),
      action: 'export',
      details: { file, ...details },
    });
    return customerFilter;
  }

  router.get('/v1/exports/customers.csv', async (req, res) => {
    const { asOf } = parseQuery(asOfQuery, req.query);
    const filter = await authorizeExport(req, 'customers.csv', { asOf });
    await streamCsv(
      res,
      'customers.csv',
      CUSTOMER_COLUMNS,
      customerRows(stores, asOf ?? ctx.clock(), options.activeWindowMs, filter),
    );
  });

  router.get('/v1/exports/customers-instances.csv', async (req, res) => {
    const { asOf } = parseQuery(asOfQuery, req.query);
    const filter = await authorizeExport(req, 'customers-instances.csv', {
      asOf,
    });
    await streamCsv(
      res,
      'customers-instances.csv',
      CUSTOMER_INSTANCE_COLUMNS,
      customerInstanceRows(
        stores,
        asOf ?? ctx.clock(),
        options.activeWindowMs,
        filter,
      ),
    );
  });

  router.get('/v1/exports/install-attempts.csv', async (req, res) => {
    const query = parseQuery(attemptExportQuery, req.query);
    const filters = toAttemptFilters(query);
    const filter = await authorizeExport(req, 'install-attempts.csv', {
      ...filters,
      asOf: query.asOf,
    });
    await streamCsv(
      res,
      'install-attempts.csv',
      INSTALL_ATTEMPT_COLUMNS,
      installAttemptRows(
        stores,
        filters,
        query.asOf ?? ctx.clock(),
        options.stalledAfterMs,
        filter,
      ),
    );
  });
}
