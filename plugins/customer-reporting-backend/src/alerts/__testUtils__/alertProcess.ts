import { Knex } from 'knex';
import { mockServices } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { AlertRuleInput } from '@customer-reporting/plugin-customer-reporting-common';
import { TEST_APP, testCustomer } from '../../__testUtils__/fixtures';
import { createStores } from '../../database/createStores';
import { IngestService } from '../../ingest/IngestService';
import { AlertEvaluator } from '../AlertEvaluator';
import { DatabaseAlertDeliveriesStore } from '../DatabaseAlertDeliveriesStore';
import { DatabaseAlertRulesStore } from '../DatabaseAlertRulesStore';

export const MIN = 60_000;
export const T0 = Date.parse('2024-07-02T12:00:00Z');

/** A check-in of instance i1 (customer c1) at `at`, through ingest. */
export const checkInI1 = (
  ingest: IngestService,
  at: number,
  appStatus: string,
) =>
  ingest.ingestCheckIns({
    checkIns: [
      {
        instanceId: 'i1',
        customerId: 'c1',
        at: new Date(at).toISOString(),
        appStatus,
      },
    ],
  });

export const NO_FILTERS = {
  appSlugs: [],
  channelSlugs: [],
  licenseTypes: [],
  customerIds: [],
  owners: [],
};

export function rule(overrides: Partial<AlertRuleInput>): AlertRuleInput {
  return {
    name: 'rule',
    eventType: 'instance-unavailable',
    threshold: null,
    filters: NO_FILTERS,
    recipients: [],
    enabled: true,
    ...overrides,
  };
}

/** A NotificationService that keeps what it was asked to send. */
export class CapturingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  async send(options: NotificationSendOptions) {
    this.sent.push(options);
  }
}

/** One backend process: its own stores, evaluator and ingest on the shared database. */
export async function alertProcess(knex: Knex, clock: () => number) {
  const stores = await createStores(mockServices.database({ knex }), clock);
  const notifications = new CapturingNotifications();
  const evaluator = new AlertEvaluator({
    db: knex,
    rules: new DatabaseAlertRulesStore(knex),
    deliveries: new DatabaseAlertDeliveriesStore(knex),
    notifications,
    logger: mockServices.logger.mock(),
    clock,
    activeWindowMs: 24 * 60 * MIN,
    stalledAfterMs: 60 * MIN,
    lookbackMs: 7 * 24 * 60 * MIN,
    defaultOwner: 'group:default/customer-success',
  });
  const ingest = new IngestService(
    stores,
    clock,
    undefined,
    async customerIds => {
      await evaluator.evaluate({ customerIds });
    },
  );
  return { stores, ingest, evaluator, notifications };
}

/**
 * A process with the test app and its customer c1 (Acme Corp) stored, and
 * the rules store to add rules with.
 */
export async function acmeProcess(knex: Knex, clock: () => number) {
  const a = await alertProcess(knex, clock);
  await a.ingest.putApp('test-app', TEST_APP);
  await a.ingest.putCustomer('c1', testCustomer());
  return { ...a, rules: new DatabaseAlertRulesStore(knex) };
}

/** `topic scope firing|recovered` per send, sorted: what a test counts. */
export const count = (sent: NotificationSendOptions[]) =>
  sent
    .map(
      s =>
        `${s.payload.topic} ${s.payload.scope} ${
          s.payload.title.startsWith('Recovered') ? 'recovered' : 'firing'
        }`,
    )
    .sort();
