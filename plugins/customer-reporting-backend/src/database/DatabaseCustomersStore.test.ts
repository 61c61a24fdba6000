import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createTestIngest,
  TEST_NOW,
  testCustomer,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const DAY = 24 * 3600_000;

describe.each(databases.eachSupportedId())(
  'DatabaseCustomersStore on %p',
  databaseId => {
    it('rolls up activity, status and license time to install per customer', async () => {
      const { stores, ingest } = await createTestIngest(
        await databases.init(databaseId),
      );
      await ingest.putCustomer(
        'c2',
        testCustomer({
          name: 'Globex',
          licenseType: 'trial',
          licenseId: 'lic-g',
        }),
      );
      await ingest.putCustomer(
        'c3',
        testCustomer({
          name: 'Initech',
          licenseType: 'dev',
          licenseId: 'lic-i',
        }),
      );
      await ingest.ingestCheckIns({
        checkIns: [
          // c1: one online instance, last check-in exactly 24 h ago: still active.
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-02T08:30:00Z',
            appStatus: 'missing',
          },
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-02T09:00:00Z',
            appStatus: 'ready',
          },
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-07-01T12:00:00Z',
            appStatus: 'degraded',
          },
          // c2: an online instance silent for two days, so inactive.
          {
            instanceId: 'i2',
            customerId: 'c2',
            at: '2024-06-30T11:00:00Z',
            appStatus: 'ready',
          },
          // c3: an air gap instance, reporting rarely but never inactive.
          {
            instanceId: 'i3',
            customerId: 'c3',
            at: '2024-06-10T11:00:00Z',
            appStatus: 'updating',
            airgap: true,
          },
        ],
      });
      const { items } = await stores.customers.listCustomers({
        limit: 10,
        asOf: TEST_NOW,
        activeWindowMs: DAY,
      });
      const byName = Object.fromEntries(items.map(c => [c.name, c]));
      expect(byName['Acme Corp']).toMatchObject({
        active: true,
        activeInstances: 1,
        status: 'degraded',
        timeToInstallSeconds: DAY / 1000,
        lastActiveAt: '2024-07-01T12:00:00.000Z',
      });
      expect(byName.Globex).toMatchObject({
        active: false,
        activeInstances: 0,
        status: null,
        licenseTypeLabel: 'Trial',
      });
      // Air gap instances are counted apart, as in the report's header.
      expect(byName.Initech).toMatchObject({
        active: true,
        activeInstances: 0,
        airgapInstances: 1,
        status: 'updating',
        timeToInstallSeconds: null,
      });

      const active = await stores.customers.listCustomers({
        limit: 10,
        asOf: TEST_NOW,
        activeWindowMs: DAY,
        active: true,
      });
      expect(active.items.map(c => c.name)).toEqual(['Acme Corp', 'Initech']);
      const inactive = await stores.customers.listCustomers({
        limit: 10,
        asOf: TEST_NOW,
        activeWindowMs: DAY,
        active: false,
      });
      expect(inactive.totalCount).toBe(1);
    });

    it('answers as of an earlier time', async () => {
      const { stores, ingest } = await createTestIngest(
        await databases.init(databaseId),
      );
      await ingest.ingestCheckIns({
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-02T09:00:00Z',
            appStatus: 'ready',
          },
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-20T09:00:00Z',
            appStatus: 'degraded',
          },
          {
            instanceId: 'i2',
            customerId: 'c1',
            at: '2024-06-25T09:00:00Z',
            appStatus: 'missing',
          },
        ],
      });
      const at = async (asOf: string) =>
        (
          await stores.customers.listCustomers({
            limit: 10,
            asOf: Date.parse(asOf),
            activeWindowMs: DAY,
          })
        ).items[0];
      expect(await at('2024-06-02T12:00:00Z')).toMatchObject({
        active: true,
        status: 'ready',
        activeInstances: 1,
        lastActiveAt: '2024-06-02T09:00:00.000Z',
        timeToInstallSeconds: DAY / 1000,
      });
      expect(await at('2024-06-10T00:00:00Z')).toMatchObject({
        active: false,
        status: null,
        lastActiveAt: '2024-06-02T09:00:00.000Z',
      });
      expect(await at('2024-06-01T12:00:00Z')).toMatchObject({
        active: false,
        lastActiveAt: null,
        timeToInstallSeconds: null,
      });
      expect(await at('2024-06-25T10:00:00Z')).toMatchObject({
        active: true,
        status: 'missing',
        activeInstances: 1,
      });
    });

    it('searches names, emails and CRM ids with LIKE wildcards taken literally', async () => {
      const { stores, ingest } = await createTestIngest(
        await databases.init(databaseId),
      );
      await ingest.putCustomer(
        'c2',
        testCustomer({
          name: '100% Pure',
          email: 'info@pure.example.com',
          customId: 'CRM-7',
          licenseId: 'x',
        }),
      );
      const search = async (term: string) =>
        (
          await stores.customers.listCustomers({
            limit: 10,
            asOf: TEST_NOW,
            activeWindowMs: DAY,
            search: term,
          })
        ).items.map(c => c.id);
      expect(await search('%')).toEqual(['c2']);
      expect(await search('ACME')).toEqual(['c1']);
      expect(await search('crm-7')).toEqual(['c2']);
      expect(await search('_')).toEqual([]);
      expect(await search('!')).toEqual([]);
    });
  },
);
