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

  async function auditedExport(
    req: CallerRequest,
    file: string,
    details: JsonObject,
    write: (filter: CustomerFilter) => Promise<void>,
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
      await write(filter);
    });
  }

  router.get('/v1/exports/customers.csv', async (req, res) => {
    const { asOf } = req.query;
    await auditedExport(req, 'customers.csv', { asOf }, filter =>
      streamCsv(
        res,
        'customers.csv',
        CUSTOMER_COLUMNS,
        customerRows(
          stores,
          asOfTime(asOf, ctx.clock),
          options.activeWindowMs,
          filter,
        ),
      ),
    );
  });

  router.get('/v1/exports/customers-instances.csv', async (req, res) => {
    const { asOf } = req.query;
    await auditedExport(req, 'customers-instances.csv', { asOf }, filter =>
      streamCsv(
        res,
        'customers-instances.csv',
        CUSTOMER_INSTANCE_COLUMNS,
        customerInstanceRows(
          stores,
          asOfTime(asOf, ctx.clock),
          options.activeWindowMs,
          filter,
        ),
      ),
    );
  });

  router.get('/v1/exports/install-attempts.csv', async (req, res) => {
    const query = req.query;
    const filters = toAttemptFilters(query);
    await auditedExport(
      req,
      'install-attempts.csv',
      { ...filters, asOf: query.asOf },
      filter =>
        streamCsv(
          res,
          'install-attempts.csv',
          INSTALL_ATTEMPT_COLUMNS,
          installAttemptRows(
            stores,
            filters,
            asOfTime(query.asOf, ctx.clock),
            options.stalledAfterMs,
            filter,
          ),
        ),
    );
  });
}
