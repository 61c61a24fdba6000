import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  IngestResult,
  MAX_INGEST_BATCH_ITEMS,
} from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingIngest } from '@customer-reporting/plugin-customer-reporting-node';
import { Stores } from '../database/createStores';
import { prepareApp, prepareCustomer } from './prepareCatalog';
import { prepareCheckIn } from './prepareCheckIn';
import { prepareAttemptEvent, preparePortalEvent } from './prepareEvents';
import { specValidators } from './specValidators';
import { BatchValidationError } from './validate';
import { BoundedCache } from './BoundedCache';
import { validateBatch, validateBody, validateParam } from './validateBodies';

/** Known customers kept, at most: more than any fleet, bounded for memory. */
const MAX_KNOWN_CUSTOMERS = 100_000;

/**
 * The one ingestion path: HTTP routes, the demo generator and data sources
 * all write through here, so validation and derivation are the same for all.
 * Each method takes an untrusted request body.
 */
export class IngestService implements CustomerReportingIngest {
  constructor(
    private readonly stores: Stores,
    private readonly clock: () => number = Date.now,
    /** Told about every created or changed customer (e.g. to update the catalog). */
    private readonly onCustomerChanged: (
      customerId: string,
    ) => Promise<void> = async () => {},
    /** Told which customers' data a write touched (e.g. to evaluate alerts). */
    private readonly onIngested: (
      customerIds: string[],
    ) => Promise<void> = async () => {},
  ) {}

  /** Compiled once per process from the spec's component schemas. */
  private readonly validators = specValidators();

  /** Customers this process has seen in the database or written itself. */
  private readonly knownCustomers = new BoundedCache<string, true>(
    MAX_KNOWN_CUSTOMERS,
  );

  async putApp(appSlug: string, body: unknown) {
    const slug = validateParam(appSlug, 'appSlug', this.validators.appSlug);
    const now = this.clock();
    const app = validateBody(body, this.validators.app, (item, index, issues) =>
      prepareApp(item, index, issues, now),
    );
    await this.stores.apps.upsertApp(slug, app, this.clock());
    return (await this.stores.apps.getApp(slug))!;
  }

  async putCustomer(customerId: string, body: unknown) {
    const id = validateParam(
      customerId,
      'customerId',
      this.validators.customerId,
    );
    const now = this.clock();
    const customer = validateBody(
      body,
      this.validators.customer,
      (item, index, issues) => prepareCustomer(item, index, issues, now),
    );
    const { appSlug, channelSlug } = customer;
    if (!(await this.stores.apps.channelExists(appSlug, channelSlug))) {
      // The issue names the field to correct: the app when it is unknown.
      const appKnown = await this.stores.apps.appExists(appSlug);
      throw new BatchValidationError([
        {
          index: null,
          field: appKnown ? 'channelSlug' : 'appSlug',
          message: `${
            appKnown
              ? `no channel ${channelSlug} in app ${appSlug}`
              : `no app ${appSlug}`
          }; PUT the app first`,
        },
      ]);
    }
    const stored = await this.stores.customers.upsertCustomer(
      id,
      customer,
      this.clock(),
    );
    if (!stored)
      // Not named: the license ID is the customer's registry password.
      throw new ConflictError(
        `licenseId: customer ${id} already has another license ID, and a license ID never changes; nothing was stored`,
      );
    this.knownCustomers.set(id, true);
    await this.onCustomerChanged(id);
    await this.onIngested([id]);
  }

  async ingestCheckIns(body: unknown): Promise<IngestResult> {
    const receivedAt = this.clock();
    const prepared = validateBatch(
      body,
      'checkIns',
      this.validators.checkIn,
      MAX_INGEST_BATCH_ITEMS,
      (item, index, issues) => prepareCheckIn(item, index!, issues, receivedAt),
    );
    const customerIds = unique(prepared.map(c => c.customerId));
    await this.requireCustomers(customerIds);
    const result = await this.stores.instances.ingestCheckIns(
      prepared,
      receivedAt,
    );
    await this.onIngested(customerIds);
    return result;
  }

  async ingestInstallAttemptEvents(body: unknown): Promise<IngestResult> {
    const now = this.clock();
    const events = validateBatch(
      body,
      'events',
      this.validators.attemptEvent,
      MAX_INGEST_BATCH_ITEMS,
      (item, index, issues) => prepareAttemptEvent(item, index, issues, now),
    );
    const customerIds = unique(events.map(e => e.customerId));
    await this.requireCustomers(customerIds);
    const result = await this.stores.installAttempts.ingestEvents(events);
    await this.onIngested(customerIds);
    return result;
  }

  async ingestPortalEvents(body: unknown): Promise<IngestResult> {
    const now = this.clock();
    const events = validateBatch(
      body,
      'events',
      this.validators.portalEvent,
      MAX_INGEST_BATCH_ITEMS,
      (item, index, issues) => preparePortalEvent(item, index, issues, now),
    );
    await this.requireCustomers(unique(events.map(e => e.customerId)));
    return this.stores.portal.ingestEvents(events);
  }

  async countCustomers(): Promise<number> {
    return this.stores.customers.countCustomers();
  }

  async archiveInstances(instanceIds: string[]): Promise<number> {
    return this.stores.instances.setArchived(instanceIds, true);
  }

  /**
   * 404 naming the batch's unknown customers. Customers are never deleted,
   * so one that exists stays known and later batches of the same fleet need
   * no query (one per batch otherwise); an unknown one is looked up each
   * time, so it is accepted as soon as it is created, by any replica.
   */
  private async requireCustomers(ids: string[]) {
    const unknown = ids.filter(id => !this.knownCustomers.has(id));
    if (unknown.length === 0) return;
    const missing = await this.stores.customers.findMissing(unknown);
    if (missing.length > 0) {
      const shown = missing.slice(0, 10).join(', ');
      throw new NotFoundError(
        `Unknown customer${missing.length > 1 ? 's' : ''}: ${shown}${
          missing.length > 10 ? ` and ${missing.length - 10} more` : ''
        }`,
      );
    }
    for (const id of unknown) this.knownCustomers.set(id, true);
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
