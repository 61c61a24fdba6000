import { LoggerService } from '@backstage/backend-plugin-api';
import { CustomerReportingIngest } from '@customer-reporting/plugin-customer-reporting-node';
import { MAX_INGEST_BATCH_ITEMS } from '@customer-reporting/plugin-customer-reporting-common';
import { generateDemoFleet } from './demoFleet';

/**
 * Loads the demo fleet through the ingestion path (the same validation and
 * derivation as the HTTP routes) unless the database already has customers.
 */
export async function loadDemoDataIfEmpty(options: {
  ingest: CustomerReportingIngest;
  logger: LoggerService;
  clock: () => number;
}): Promise<boolean> {
  const { ingest, logger, clock } = options;
  if ((await ingest.countCustomers()) > 0) {
    logger.info('Customer data present; demo data not loaded');
    return false;
  }
  const started = clock();
  const fleet = generateDemoFleet(started);
  for (const app of fleet.apps) await ingest.putApp(app.slug, app.body);
  for (const customer of fleet.customers) {
    await ingest.putCustomer(customer.id, customer.body);
  }
  const batches: [string, unknown[], (body: any) => Promise<unknown>][] = [
    ['checkIns', fleet.checkIns, body => ingest.ingestCheckIns(body)],
    [
      'events',
      fleet.attemptEvents,
      body => ingest.ingestInstallAttemptEvents(body),
    ],
    ['events', fleet.portalEvents, body => ingest.ingestPortalEvents(body)],
  ];
  for (const [key, items, send] of batches) {
    for (let i = 0; i < items.length; i += MAX_INGEST_BATCH_ITEMS) {
      await send({ [key]: items.slice(i, i + MAX_INGEST_BATCH_ITEMS) });
    }
  }
  logger.info(
    `Demo data loaded: ${fleet.customers.length} customers, ${fleet.checkIns.length} check-ins, ` +
      `${fleet.attemptEvents.length} install attempt events in ${
        clock() - started
      } ms`,
  );
  return true;
}
