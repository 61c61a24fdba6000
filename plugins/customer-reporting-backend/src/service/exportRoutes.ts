import { Response } from 'express';
import { JsonObject } from '@backstage/types';
import { customerReportingExportPermission } from '@customer-reporting/plugin-customer-reporting-common';
import {
  CUSTOMER_COLUMNS,
  CUSTOMER_INSTANCE_COLUMNS,
  customerInstanceRows,
  customerRows,
  INSTALL_ATTEMPT_COLUMNS,
  installAttemptRows,
} from '../report/exportRows';
import { ApiRouter } from './apiRouter';
import { toAttemptFilters } from './attemptQueries';
import { streamCsv } from './csv';
import { asOfTime } from './readQueries';
import { CallerRequest, RouteContext } from './routeContext';
import { CustomerFilter } from '../permissions/customerFilter';

/**
 * CSV exports, streamed page by page. They need the export permission, hold
 * only the customers the caller may read, and are audited (auditor event
 * `export` and an Activity entry without a customer).
 */
export function addExportRoutes(router: ApiRouter, ctx: RouteContext) {
  const { stores, options } = ctx;

  /**
   * Streams the CSV `file` of `pages`, over the customers the caller may
   * read, once the export is allowed and recorded with `details`.
   */
  async function auditedExport(
    req: CallerRequest,
    res: Response,
    file: string,
    columns: readonly string[],
    details: JsonObject,
    pages: (filter: CustomerFilter) => AsyncIterable<unknown[][]>,
  ) {
    const event = {
      eventId: 'export',
      severityLevel: 'medium',
      meta: { file },
    } as const;
    await ctx.audit.run(req, event, async trail => {
      const credentials = await ctx.requirePermission(
        req,
        customerReportingExportPermission,
      );
      const filter = await ctx.customerFilter(req);
      await trail.record(credentials, {
        customerId: null,
        action: 'export',
        details: { file, ...details },
      });
      await streamCsv(res, file, columns, pages(filter));
    });
  }

  router.get('/v1/exports/customers.csv', async (req, res) => {
    const { asOf } = req.query;
    const at = asOfTime(asOf, ctx.clock);
    await auditedExport(
      req,
      res,
      'customers.csv',
      CUSTOMER_COLUMNS,
      { asOf },
      filter => customerRows(stores, at, options.activeWindowMs, filter),
    );
  });

  router.get('/v1/exports/customers-instances.csv', async (req, res) => {
    const { asOf } = req.query;
    const at = asOfTime(asOf, ctx.clock);
    await auditedExport(
      req,
      res,
      'customers-instances.csv',
      CUSTOMER_INSTANCE_COLUMNS,
      { asOf },
      filter =>
        customerInstanceRows(stores, at, options.activeWindowMs, filter),
    );
  });

  router.get('/v1/exports/install-attempts.csv', async (req, res) => {
    const query = req.query;
    const filters = toAttemptFilters(query);
    const at = asOfTime(query.asOf, ctx.clock);
    await auditedExport(
      req,
      res,
      'install-attempts.csv',
      INSTALL_ATTEMPT_COLUMNS,
      { ...filters, asOf: query.asOf },
      filter =>
        installAttemptRows(stores, filters, at, options.stalledAfterMs, filter),
    );
  });
}
