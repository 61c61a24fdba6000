import { NotFoundError } from '@backstage/errors';
import { IngestResult } from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingIngest } from '@customer-reporting/plugin-customer-reporting-node';
import { Stores } from '../database/createStores';
import { PreparedCheckIn } from '../database/DatabaseInstancesStore';
import { checkInFields, effectiveAppStatus } from './checkInFields';
import {
  appSchema,
  attemptEventSchema,
  checkInSchema,
  customerSchema,
  MAX_BATCH_ITEMS,
  portalEventSchema,
} from './schemas';
import {
  BatchValidationError,
  ValidationIssue,
  validateBatch,
  validateOne,
} from './validate';

/**
 * The one ingestion path: HTTP routes, the demo generator and data sources
 * all write through here, so validation and derivation are the same for all.
 * Each method takes an untrusted request body.
 */
export class IngestService implements CustomerReportingIngest {
  constructor(
    private readonly stores: Stores,
    private readonly clock: () => number = Date.now,
    private readonly checkInRetentionMs: number = 400 * 86_400_000,
    /** Told about every created or changed customer (e.g. to update the catalog). */
    private readonly onCustomerChanged: (
      customerId: string,
    ) => Promise<void> = async () => {},
    /** Told which customers' data a write touched (e.g. to evaluate alerts). */
    private readonly onIngested: (
      customerIds: string[],
    ) => Promise<void> = async () => {},
  ) {
    // Built once: zod compiles a schema's parser on its first use.
    this.schemas = {
      app: appSchema(clock),
      customer: customerSchema(clock),
      checkIn: checkInSchema(clock),
      attemptEvent: attemptEventSchema(clock),
      portalEvent: portalEventSchema(clock),
    };
  }

  private readonly schemas;

  async putApp(slug: string, body: unknown) {
    const app = validateOne(this.schemas.app, body);
    await this.stores.apps.upsertApp(slug, app, this.clock());
    return (await this.stores.apps.getApp(slug))!;
  }

  async putCustomer(id: string, body: unknown) {
    const customer = validateOne(this.schemas.customer, body);
    if (
      !(await this.stores.apps.channelExists(
        customer.appSlug,
        customer.channelSlug,
      ))
    ) {
      throw new BatchValidationError([
        {
          index: null,
          field: 'channelSlug',
          message: `no channel ${customer.channelSlug} in app ${customer.appSlug}; PUT the app first`,
        },
      ]);
    }
    await this.stores.customers.upsertCustomer(id, customer, this.clock());
    await this.onCustomerChanged(id);
    await this.onIngested([id]);
  }

  async ingestCheckIns(body: unknown): Promise<IngestResult> {
    const receivedAt = this.clock();
    const checkIns = validateBatch(
      body,
      'checkIns',
      this.schemas.checkIn,
      MAX_BATCH_ITEMS,
    );
    const issues: ValidationIssue[] = [];
    const prepared: PreparedCheckIn[] = checkIns.map((checkIn, index) => {
      const { status, error } = effectiveAppStatus(checkIn);
      if (error) issues.push({ index, field: 'appStatus', message: error });
      if (
        checkIn.at !== undefined &&
        checkIn.at < receivedAt - this.checkInRetentionMs
      ) {
        // Its neighbours may already be gone, so its events could not be derived.
        issues.push({
          index,
          field: 'at',
          message: 'is older than the check-in retention period',
        });
      }
      return {
        index,
        instanceId: checkIn.instanceId,
        customerId: checkIn.customerId,
        at: checkIn.at ?? receivedAt,
        appStatus: status,
        fields: checkInFields(checkIn, status),
      };
    });
    if (issues.length > 0) throw new BatchValidationError(issues);
    await this.requireCustomers(checkIns.map(c => c.customerId));
    const result = await this.stores.instances.ingestCheckIns(
      prepared,
      receivedAt,
    );
    await this.onIngested(unique(checkIns.map(c => c.customerId)));
    return result;
  }

  async ingestInstallAttemptEvents(body: unknown): Promise<IngestResult> {
    const events = validateBatch(
      body,
      'events',
      this.schemas.attemptEvent,
      MAX_BATCH_ITEMS,
    );
    await this.requireCustomers(events.map(e => e.customerId));
    const result = await this.stores.installAttempts.ingestEvents(events);
    await this.onIngested(unique(events.map(e => e.customerId)));
    return result;
  }

  async ingestPortalEvents(body: unknown): Promise<IngestResult> {
    const events = validateBatch(
      body,
      'events',
      this.schemas.portalEvent,
      MAX_BATCH_ITEMS,
    );
    await this.requireCustomers(events.map(e => e.customerId));
    return this.stores.portal.ingestEvents(events);
  }

  async countCustomers(): Promise<number> {
    return this.stores.customers.countCustomers();
  }

  private async requireCustomers(ids: string[]) {
    const missing = await this.stores.customers.findMissing(ids);
    if (missing.length > 0) {
      const shown = missing.slice(0, 10).join(', ');
      throw new NotFoundError(
        `Unknown customer${missing.length > 1 ? 's' : ''}: ${shown}${
          missing.length > 10 ? ` and ${missing.length - 10} more` : ''
        }`,
      );
    }
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
