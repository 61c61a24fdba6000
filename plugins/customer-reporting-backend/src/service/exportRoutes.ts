import { Router } from 'express';
import { z } from 'zod';
import {
  CUSTOMER_COLUMNS,
  CUSTOMER_INSTANCE_COLUMNS,
  customerInstanceRows,
  customerRows,
  INSTALL_ATTEMPT_COLUMNS,
  installAttemptRows,
} from '../report/exportRows';
import { attemptFilterShape } from './attemptQueries';
import { streamCsv } from './csv';
import { asOfQuery, parseQuery } from './readQueries';
import { RouteContext } from './routeContext';

const attemptExportQuery = z.object(attemptFilterShape).strict();

/** CSV exports, streamed page by page. */
export function addExportRoutes(router: Router, ctx: RouteContext) {
  const { stores, options } = ctx;

  router.get('/v1/exports/customers.csv', async (req, res) => {
    await ctx.requireReader(req);
    const asOf = parseQuery(asOfQuery, req.query).asOf ?? ctx.clock();
    await streamCsv(
      res,
      'customers.csv',
      CUSTOMER_COLUMNS,
      customerRows(stores, asOf, options.activeWindowMs),
    );
  });

  router.get('/v1/exports/customers-instances.csv', async (req, res) => {
    await ctx.requireReader(req);
    const asOf = parseQuery(asOfQuery, req.query).asOf ?? ctx.clock();
    await streamCsv(
      res,
      'customers-instances.csv',
      CUSTOMER_INSTANCE_COLUMNS,
      customerInstanceRows(stores, asOf, options.activeWindowMs),
    );
  });

  router.get('/v1/exports/install-attempts.csv', async (req, res) => {
    await ctx.requireReader(req);
    const { asOf, ...filters } = parseQuery(attemptExportQuery, req.query);
    await streamCsv(
      res,
      'install-attempts.csv',
      INSTALL_ATTEMPT_COLUMNS,
      installAttemptRows(
        stores,
        filters,
        asOf ?? ctx.clock(),
        options.stalledAfterMs,
      ),
    );
  });
}
