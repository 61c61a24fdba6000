import { Knex } from 'knex';
import { ReportOptions } from '../report/buildCustomerReport';
import { createTestIngest, testCustomer } from './fixtures';

const DAY = 86_400_000;

/** Report options as of `asOf`: active within a day, stalled after an hour. */
export const reportOptions = (
  asOf: string,
  extra: Partial<ReportOptions> = {},
): ReportOptions => ({
  asOf: Date.parse(asOf),
  includeInactive: false,
  includeArchived: false,
  activeWindowMs: DAY,
  stalledAfterMs: 3600_000,
  downloadPortalBaseUrl: 'https://download.example.com/',
  ...extra,
});

/** A check-in of customer `c1`'s instance. */
export const customerCheckIn = (
  instanceId: string,
  at: string,
  appStatus: string,
  extra: Record<string, unknown> = {},
) => ({
  instanceId,
  customerId: 'c1',
  at,
  appStatus,
  ...extra,
});

/** A check-in of customer `c1`'s instance `i1` at `HH:MM` on 2024-07-01. */
export const julyFirstCheckIn = (
  at: string,
  extra: Record<string, unknown> = {},
) => ({
  instanceId: 'i1',
  customerId: 'c1',
  at: `2024-07-01T${at}:00Z`,
  ...extra,
});

/** Migrated stores on `knex` whose customer `c1` has the given overrides. */
export async function ingestWithCustomer(
  knex: Knex,
  customer: Record<string, unknown> = {},
) {
  const stores = await createTestIngest(knex);
  await stores.ingest.putCustomer('c1', testCustomer(customer));
  return stores;
}
