import { LoggerService } from '@backstage/backend-plugin-api';
import { CustomerReportingIngest } from '@internal/plugin-customer-reporting-node';
import { checkInWindow } from './checkInWindow';
import { ingestInBatches } from './ingestBatches';
import { customerChannelSlug, mapApp } from './mapApp';
import { mapCustomer } from './mapCustomer';
import { mapEventCheckIns } from './mapEventCheckIns';
import { mapInstallAttempt } from './mapInstallAttempts';
import { mapInstanceCheckIns } from './mapInstanceCheckIns';
import { VendorApp } from './parseApps';
import { CustomerData, pullCustomerData } from './pullCustomerData';
import { pullEvents } from './pullEvents';
import { SyncCounts } from './syncCounts';
import { VendorApiClient } from './VendorApiClient';

export interface SyncAppOptions {
  app: VendorApp;
  client: VendorApiClient;
  ingest: CustomerReportingIngest;
  logger: LoggerService;
  counts: SyncCounts;
  includeTest: boolean;
  /** Date (YYYY-MM-DD) to pull instance events after. */
  eventsAfter: string;
  /** Check-ins must be at or before `now` and not before `oldest`. */
  window: { now: number; oldest: number };
}

/**
 * Pulls one app and writes it through the ingestion path: the app, then its
 * customers (one at a time; a refused one is logged and left out), then
 * check-ins and install attempt events in all-or-nothing batches. Nothing
 * is deleted, so whatever fails later leaves earlier data as it was.
 */
export async function syncApp(options: SyncAppOptions): Promise<void> {
  const { app, client, ingest, logger, counts, window } = options;
  const data = await pullCustomerData({
    client,
    appId: app.id,
    includeTest: options.includeTest,
    logger,
    counts,
  });
  const { body, channelSlugById } = mapApp(
    app,
    data.map(d => d.customer),
    window.now,
  );
  await ingest.putApp(app.slug, body);
  counts.add('apps');

  const stored: CustomerData[] = [];
  for (const d of data) {
    const mapped = mapCustomer(
      d.customer,
      {
        appSlug: app.slug,
        channelSlug: customerChannelSlug(d.customer, channelSlugById),
        enterprisePortal: d.attempts.length > 0,
      },
      window.now,
    );
    const refusal =
      'skip' in mapped
        ? mapped.skip
        : await putCustomer(ingest, d.customer.id, mapped.body);
    if (refusal) {
      logger.warn(`Left out customer ${d.customer.id}: ${refusal}`);
      counts.add('skipped');
      continue;
    }
    stored.push(d);
  }
  counts.add('customers', stored.length);
  counts.add(
    'instances',
    stored.reduce((n, d) => n + d.instances.length, 0),
  );

  const storedIds = new Set(stored.map(d => d.customer.id));
  const events = await pullEvents({
    client,
    appId: app.id,
    customerIds: [...storedIds],
    after: options.eventsAfter,
    logger,
    counts,
  });
  const fromEvents = mapEventCheckIns(
    events.filter(e => storedIds.has(e.customerId)),
  );
  counts.add('eventsIgnored', fromEvents.ignored);
  // Events first: at a shared time the instance record's values win.
  const { checkIns, clamped, tooOld } = checkInWindow(
    [
      ...fromEvents.drafts,
      ...stored.flatMap(d =>
        d.instances.flatMap(i =>
          mapInstanceCheckIns(i, d.customer.id, channelSlugById),
        ),
      ),
    ],
    window,
  );
  if (clamped || tooOld) {
    logger.info(
      `App ${app.slug}: ${clamped} check-in times in the future set to now, ` +
        `${tooOld} check-ins older than the retention period left out`,
    );
  }
  counts.add('checkInsTooOld', tooOld);
  const checkInResult = await ingestInBatches(
    checkIns,
    batch => ingest.ingestCheckIns({ checkIns: batch }),
    'check-in',
    logger,
  );
  counts.add('checkIns', checkInResult.accepted);
  counts.add('skipped', checkInResult.refused);

  const attemptResult = await ingestInBatches(
    stored.flatMap(d =>
      d.attempts.flatMap(a => mapInstallAttempt(a, window.now)),
    ),
    batch => ingest.ingestInstallAttemptEvents({ events: batch }),
    'install attempt event',
    logger,
  );
  counts.add('installAttemptEvents', attemptResult.accepted);
  counts.add('skipped', attemptResult.refused);
}

/** Undefined when stored, else why the portal refused the customer. */
async function putCustomer(
  ingest: CustomerReportingIngest,
  customerId: string,
  body: unknown,
): Promise<string | undefined> {
  try {
    await ingest.putCustomer(customerId, body);
    return undefined;
  } catch (error) {
    // Validation says which field; anything else (database down) fails the sync.
    if ((error as Error)?.name !== 'InputError') throw error;
    return (error as Error).message;
  }
}
