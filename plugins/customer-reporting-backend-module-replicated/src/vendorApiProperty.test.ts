import fc from 'fast-check';
import { setupServer } from 'msw/node';
import {
  createVendorApiHandlers,
  VendorApiFixtures,
} from '../dev/vendorApiHandlers';
import { contractIngest } from './__testUtils__/contractIngest';
import {
  API_TOKEN,
  BASE_URL,
  NOW,
  testLogger,
} from './__testUtils__/fakeVendorApi';
import {
  APP_IDS,
  CUSTOMER_IDS,
  GENERATED_APP_SLUG,
  generatedVendorApi,
} from './__testUtils__/generatedVendorApi';
import { timeStrings } from './__testUtils__/specArbitraries';
import { answerErrors, definitionErrors } from './__testUtils__/vendorApiSpec';
import { ReplicatedConfig } from './config';
import { ReplicatedDataSource } from './ReplicatedDataSource';

/*
 * The module against what the real Vendor API may answer, not only our
 * fixtures: accounts generated from Replicated's specification
 * (__testUtils__/generatedVendorApi.ts), served by the fake, synced once
 * each into an ingest that holds every call to the backend's contract
 * (__testUtils__/contractIngest.ts).
 */

const DAY = 86_400_000;
const RETENTION_MS = 400 * DAY;

const config: ReplicatedConfig = {
  apiToken: API_TOKEN,
  appSlugs: [GENERATED_APP_SLUG],
  baseUrl: BASE_URL,
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 15 } },
  includeTest: false,
  checkInRetentionMs: RETENTION_MS,
};

const all = (byKey: Record<string, Record<string, unknown>[]>) =>
  Object.values(byKey).flat();

/** Where a generated account is not what the specification defines. */
function specErrors(account: VendorApiFixtures): string[] {
  const definitions: [string, Record<string, unknown>[]][] = [
    ['Customer', all(account.customers)],
    ['KotsChannelRelease', all(account.releases)],
    ['InstallAttempt', all(account.installAttempts)],
    ['CustomerUser', all(account.customerUsers)],
    ['ServiceAccount', all(account.serviceAccounts)],
    ['Instance', Object.values(account.portalInstances).flatMap(all)],
  ];
  return [
    answerErrors('/apps', account.apps),
    answerErrors('/supportbundles', account.supportBundles),
    ...APP_IDS.map(id => answerErrors(`/app/${id}/events`, account.events[id])),
    ...definitions.flatMap(([name, records]) =>
      records.map(record => definitionErrors(name, record)),
    ),
  ].filter((e): e is string => e !== undefined);
}

/** Ids of the customers of the apps listed with the configured slug. */
function customersOfConfiguredApp(account: VendorApiFixtures): Set<unknown> {
  const apps = (account.apps.apps ?? []).filter(
    app => app.slug === GENERATED_APP_SLUG,
  );
  return new Set(
    apps.flatMap(app =>
      (account.customers[String(app.id)] ?? []).map(c => c.id),
    ),
  );
}

describe('a sync of Vendor API answers generated from the specification', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('stores only what the ingest takes, or fails naming the Vendor API route', async () => {
    const cursor = fc.option(
      fc
        .record({
          at: timeStrings(NOW),
          customers: fc.subarray(CUSTOMER_IDS),
        })
        .map(appCursor => JSON.stringify({ [GENERATED_APP_SLUG]: appCursor })),
      { nil: undefined },
    );
    await fc.assert(
      fc.asyncProperty(
        generatedVendorApi(NOW),
        fc.boolean(),
        fc.constantFrom(1, 2, 100),
        cursor,
        async (account, includeTest, maxPageSize, syncCursor) => {
          expect(specErrors(account)).toEqual([]);
          server.resetHandlers(
            ...createVendorApiHandlers({
              baseUrl: BASE_URL,
              apiToken: API_TOKEN,
              fixtures: account,
              maxPageSize,
            }),
          );
          const contract = contractIngest({
            now: NOW,
            oldest: NOW - RETENTION_MS,
          });
          const source = new ReplicatedDataSource(
            { ...config, includeTest },
            { clock: () => NOW, sleep: async () => {} },
          );
          const outcome = await source
            .sync({
              ingest: contract.ingest,
              logger: testLogger(),
              cursor: syncCursor,
            })
            .then(
              result => ({ result: result!, error: undefined }),
              (error: Error) => ({ result: undefined, error }),
            );

          expect(contract.violations).toEqual([]);
          // A failure says which request failed, or that no app matched.
          const failure =
            outcome.error && `${outcome.error.name}: ${outcome.error.message}`;
          expect(failure ?? 'synced').toMatch(
            /^(synced|\w+: (Vendor API GET \/|None of the apps in customerReporting))/,
          );
          // The figures are what was stored: nothing when the sync failed,
          // since every request of an app is made before any write.
          const counts = outcome.result?.counts ?? {};
          const listed = customersOfConfiguredApp(account);
          expect(counts.customers ?? 0).toBe(contract.customers.size);
          expect(counts.customers ?? 0).toBeLessThanOrEqual(listed.size);
          for (const id of contract.customers) expect(listed).toContain(id);
          expect(counts.checkIns ?? 0).toBe(contract.accepted.checkIns);
          expect(counts.installAttemptEvents ?? 0).toBe(
            contract.accepted.attemptEvents,
          );
          expect(counts.portalEvents ?? 0).toBe(contract.accepted.portalEvents);
          expect(counts.instancesArchived ?? 0).toBe(contract.archived.size);
          // The cursor names exactly the customers whose events were stored.
          const cursorCustomers = outcome.result?.cursor
            ? JSON.parse(outcome.result.cursor)[GENERATED_APP_SLUG].customers
            : [];
          expect(new Set(cursorCustomers)).toEqual(contract.customers);
        },
      ),
      // Shrinking runs a sync per try: bounded, it reports the smallest
      // failing account found by then.
      { numRuns: 40, seed: 20240702, interruptAfterTimeLimit: 45_000 },
    );
  }, 90_000);
});
