import { LoggerService } from '@backstage/backend-plugin-api';
import { CustomerReportingIngest } from '@customer-reporting/plugin-customer-reporting-node';
import { checkInWindow } from './checkInWindow';
import { AppEventCursor, eventsAfter } from './eventCursor';
import { withEventReleaseSequences } from './eventReleaseSequences';
import { ingestInBatches } from './ingestBatches';
import { customerChannelSlug, mapApp } from './mapApp';
import { mapCustomer } from './mapCustomer';
import { mapEventCheckIns } from './mapEventCheckIns';
import { mapInstallAttempt } from './mapInstallAttempts';
import { clusterTypeOf, mapInstanceCheckIns } from './mapInstanceCheckIns';
import { mapPortalEvents } from './mapPortalEvents';
import { VendorApp } from './parseApps';
import {
  CustomerData,
  pullCustomerData,
  TeamSupportBundles,
} from './pullCustomerData';
import { pullEvents } from './pullEvents';
import { pullReleases } from './pullReleases';
import { SyncCounts } from './syncCounts';
import { VendorApiClient } from './VendorApiClient';

export interface SyncAppOptions {
  app: VendorApp;
  client: VendorApiClient;
  ingest: CustomerReportingIngest;
  logger: LoggerService;
  counts: SyncCounts;
  includeTest: boolean;
  /** Where the app's last successful sync left its instance events, if any. */
  eventCursor: AppEventCursor | undefined;
  /** Check-ins must be at or before `now` and not before `oldest`. */
  window: { now: number; oldest: number };
  /** The team's support bundles, shared by the apps of one sync. */
  supportBundles: TeamSupportBundles;
}

/**
 * Pulls one app and writes it through the ingestion path: the app with its
 * channels' release history, then its customers (one at a time; a refused
 * one is logged and left out), then check-ins, install attempt events and
 * Enterprise Portal events in all-or-nothing batches. Everything is pulled
 * before anything is written, and nothing is deleted, so a failed pull
 * changes nothing stored and a failed write leaves earlier data as it was.
 * Returns the ids of the customers stored, whose events are now stored too.
 */
export async function syncApp(options: SyncAppOptions): Promise<string[]> {
  const { app, client, ingest, logger, counts, window } = options;
  const data = await pullCustomerData({
    client,
    appId: app.id,
    includeTest: options.includeTest,
    logger,
    counts,
    supportBundles: options.supportBundles,
  });
  const releases = await pullReleases({ client, app, logger, counts });
  const { body, channelSlugById } = mapApp(
    app,
    data.map(d => d.customer),
    releases,
    window.now,
  );
  // Events of every usable customer, pulled before anything is written:
  // since the cursor for those whose events the last sync stored, from the
  // retention limit for the others.
  const known = new Set(options.eventCursor?.customers);
  const ids = data.map(d => d.customer.id);
  const pull = (customerIds: string[], after: number) =>
    pullEvents({
      client,
      appId: app.id,
      customerIds,
      after,
      before: window.now,
      logger,
      counts,
    });
  const events = [
    ...(await pull(
      ids.filter(id => known.has(id)),
      eventsAfter(options.eventCursor?.at, window.oldest),
    )),
    ...(await pull(
      ids.filter(id => !known.has(id)),
      window.oldest,
    )),
  ];

  await ingest.putApp(app.slug, body);
  counts.add('apps');
  const stored: CustomerData[] = [];
  for (const d of data) {
    const mapped = mapCustomer(
      d.customer,
      {
        appSlug: app.slug,
        channelSlug: customerChannelSlug(d.customer, channelSlugById),
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
  const instances = stored.flatMap(d =>
    d.instances.map(instance => ({ instance, customerId: d.customer.id })),
  );
  counts.add('instances', instances.length);

  const storedIds = new Set(stored.map(d => d.customer.id));
  const fromEvents = mapEventCheckIns(
    events.filter(e => storedIds.has(e.customerId)),
    {
      channelSlugById,
      embeddedInstanceIds: new Set(
        instances
          .filter(i => clusterTypeOf(i.instance) === 'embedded')
          .map(i => i.instance.instanceId),
      ),
    },
  );
  counts.add('eventsIgnored', fromEvents.ignored);
  const eventDrafts = withEventReleaseSequences(
    fromEvents.drafts,
    instances.map(i => i.instance),
  );
  const versionsFromEvents = new Map<string, Set<string>>();
  for (const { instanceId, fields } of eventDrafts) {
    if (fields.appVersion === undefined) continue;
    const versions = versionsFromEvents.get(instanceId) ?? new Set<string>();
    versionsFromEvents.set(instanceId, versions.add(fields.appVersion));
  }
  // Events first: at a shared time the instance record's values win.
  const { checkIns, clamped, tooOld } = checkInWindow(
    [
      ...eventDrafts,
      ...instances.flatMap(({ instance, customerId }) =>
        mapInstanceCheckIns(
          instance,
          customerId,
          channelSlugById,
          versionsFromEvents.get(instance.instanceId),
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
  await send(
    'checkIns',
    checkIns,
    batch => ingest.ingestCheckIns({ checkIns: batch }),
    'check-in',
  );
  // Once their check-ins are stored, so that every one of them exists.
  counts.add(
    'instancesArchived',
    await ingest.archiveInstances(
      instances
        .filter(i => i.instance.archived)
        .map(i => i.instance.instanceId),
    ),
  );
  await send(
    'installAttemptEvents',
    stored.flatMap(d =>
      d.attempts.flatMap(a => mapInstallAttempt(a, window.now)),
    ),
    batch => ingest.ingestInstallAttemptEvents({ events: batch }),
    'install attempt event',
  );
  await send(
    'portalEvents',
    stored.flatMap(d => mapPortalEvents(d, window.now)),
    batch => ingest.ingestPortalEvents({ events: batch }),
    'portal event',
  );
  return [...storedIds];

  async function send<T>(
    key: string,
    items: T[],
    put: Parameters<typeof ingestInBatches<T>>[1],
    what: string,
  ) {
    const result = await ingestInBatches(items, put, what, logger);
    counts.add(key, result.accepted);
    counts.add('skipped', result.refused);
  }
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
    // Validation says which field, a conflict why (a license ID that
    // changed); anything else (database down) fails the sync.
    const name = (error as Error)?.name;
    if (name !== 'InputError' && name !== 'ConflictError') throw error;
    return (error as Error).message;
  }
}
