import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  createTestIngest,
  TEST_NOW,
  testCustomer,
} from '../__testUtils__/fixtures';
import { createStores } from '../database/createStores';
import { IngestService } from './IngestService';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

/** Counts the statements that read the customers table. */
function customerQueries(knex: Knex) {
  let count = 0;
  knex.on('query', (query: { sql: string }) => {
    if (/from [`"]?customers[`"]?/i.test(query.sql)) count += 1;
  });
  return () => count;
}

const checkIns = (...customerIds: string[]) => ({
  checkIns: customerIds.map((customerId, i) => ({
    instanceId: `${customerId}-i${i}`,
    customerId,
    at: new Date(TEST_NOW - (i + 1) * 60_000).toISOString(),
    appStatus: 'ready',
  })),
});

describe.each(databases.eachSupportedId())(
  'IngestService customer check on %p',
  databaseId => {
    it('looks a customer up until it is known, and never stores for an unknown one', async () => {
      const knex = await databases.init(databaseId);
      const { ingest } = await createTestIngest(knex);
      // Another replica over the same database: it has seen no customer.
      const replica = new IngestService(
        await createStores(mockServices.database({ knex })),
        () => TEST_NOW,
      );
      const queries = customerQueries(knex);

      // c1 was written through `ingest`: known there, looked up by the replica once.
      await ingest.ingestCheckIns(checkIns('c1'));
      expect(queries()).toBe(0);
      await replica.ingestCheckIns(checkIns('c1', 'c1'));
      await replica.ingestCheckIns(checkIns('c1'));
      expect(queries()).toBe(1);

      // Unknown customers are asked about every time and answered with 404.
      for (let attempt = 0; attempt < 2; attempt++) {
        await expect(
          replica.ingestCheckIns(checkIns('c1', 'c2', 'c3')),
        ).rejects.toThrow(new NotFoundError('Unknown customers: c2, c3'));
      }
      expect(queries()).toBe(3);
      expect(
        await knex('check_ins').whereIn('instance_id', ['c2-i1', 'c3-i2']),
      ).toEqual([]);

      // Created elsewhere (through `ingest`), c2 is accepted by the replica.
      await ingest.putCustomer('c2', testCustomer({ licenseId: 'lic-c2' }));
      await expect(replica.ingestCheckIns(checkIns('c2'))).resolves.toEqual({
        accepted: 1,
        duplicates: 0,
      });
    });
  },
);
