import { TestDatabases } from '@backstage/backend-test-utils';
import {
  CUSTOMER_SORTS,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  createTestIngest,
  TEST_APP,
  TEST_NOW,
  testCustomer,
} from '../__testUtils__/fixtures';
import { CustomerListQuery } from './customerList';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(TEST_NOW + offsetMs).toISOString();

/**
 * Five customers that each show one thing: Acme has a missing instance among
 * ready ones and an air gap one; Globex is archived, expired and has nothing;
 * Initech is ready on Beta; Umbrella is updating; Hooli went inactive.
 */
async function fleet(databaseId: Parameters<typeof databases.init>[0]) {
  const { stores, ingest } = await createTestIngest(
    await databases.init(databaseId),
  );
  // c1 is createTestIngest's customer, whose license ID stays its own.
  const customer = (id: string, fields: Record<string, unknown>) =>
    ingest.putCustomer(
      id,
      testCustomer({
        ...(id === 'c1' ? {} : { licenseId: `lic-${id}` }),
        ...fields,
      }),
    );
  await customer('c1', { expiresAt: at(10 * DAY) });
  await customer('c2', {
    name: 'Globex',
    licenseType: 'trial',
    archived: true,
    expiresAt: at(-DAY),
  });
  await customer('c3', {
    name: 'Initech',
    licenseType: 'dev',
    channelSlug: 'beta',
  });
  await customer('c4', {
    name: 'Umbrella',
    licenseType: 'community',
    expiresAt: at(40 * DAY),
  });
  await customer('c5', {
    name: 'Hooli',
    licenseType: 'test',
    expiresAt: at(20 * DAY),
  });
  const checkIn = (
    instanceId: string,
    customerId: string,
    offsetMs: number,
    appStatus: string,
    airgap = false,
  ) => ({
    instanceId,
    customerId,
    at: at(offsetMs),
    appStatus,
    airgap,
  });
  await ingest.ingestCheckIns({
    checkIns: [
      checkIn('i1', 'c1', -20 * HOUR, 'ready'),
      checkIn('i1', 'c1', -HOUR, 'ready'),
      checkIn('i2', 'c1', -20 * HOUR, 'ready'),
      checkIn('i2', 'c1', -2 * HOUR, 'ready'),
      checkIn('i3', 'c1', -3 * HOUR, 'missing'),
      checkIn('i4', 'c1', -10 * DAY, 'degraded', true),
      checkIn('i5', 'c1', -3 * DAY, 'missing'),
      checkIn('i6', 'c3', -5 * HOUR, 'ready'),
      checkIn('i7', 'c4', -HOUR / 2, 'updating'),
      checkIn('i8', 'c5', -2 * DAY, 'ready'),
    ],
  });
  const list = async (query: Partial<CustomerListQuery> = {}) =>
    stores.customers.listCustomers({
      limit: 100,
      asOf: TEST_NOW,
      activeWindowMs: DAY,
      ...query,
    });
  return { stores, ingest, list };
}

const byName = (items: CustomerSummary[]) =>
  Object.fromEntries(items.map(c => [c.name, c]));

describe.each(databases.eachSupportedId())(
  'customer list on %p',
  databaseId => {
    it('shows the worst active status with counts, air gap apart, and license badges', async () => {
      const { list } = await fleet(databaseId);
      const customers = byName((await list()).items);
      // The inactive missing instance i5 does not count; the air gap one does.
      expect(customers['Acme Corp']).toMatchObject({
        status: 'missing',
        statusCounts: {
          ready: 2,
          updating: 0,
          degraded: 1,
          unavailable: 0,
          missing: 1,
        },
        activeInstances: 3,
        airgapInstances: 1,
        expired: false,
        expiringSoon: true,
      });
      expect(customers.Globex).toMatchObject({
        status: null,
        activeInstances: 0,
        airgapInstances: 0,
        archived: true,
        expired: true,
        expiringSoon: false,
      });
      expect(customers.Umbrella).toMatchObject({
        status: 'updating',
        expiringSoon: false,
      });
      expect(customers.Hooli).toMatchObject({
        status: null,
        active: false,
        expiringSoon: true,
      });
      expect(customers.Initech).toMatchObject({
        expiresAt: null,
        expired: false,
        expiringSoon: false,
      });
    });

    it('judges health and expiry as of asOf', async () => {
      const { list } = await fleet(databaseId);
      const earlier = byName((await list({ asOf: TEST_NOW - 4 * HOUR })).items);
      // i3 had not reported yet; i4 (air gap) was already degraded.
      expect(earlier['Acme Corp']).toMatchObject({
        status: 'degraded',
        statusCounts: { ready: 2, degraded: 1, missing: 0 },
        activeInstances: 2,
      });
      const later = byName((await list({ asOf: TEST_NOW + 15 * DAY })).items);
      expect(later['Acme Corp']).toMatchObject({ expired: true });
      expect(later.Umbrella).toMatchObject({ expiringSoon: true });
    });

    it('counts an instance as air gap or online as it last reported by asOf', async () => {
      const { ingest, list } = await fleet(databaseId);
      // Hooli's i8 reported online 2 days ago, then air gap 1 hour ago.
      await ingest.ingestCheckIns({
        checkIns: [
          {
            instanceId: 'i8',
            customerId: 'c5',
            at: at(-HOUR),
            appStatus: 'ready',
            airgap: true,
          },
        ],
      });
      const hooli = async (asOf: number) =>
        byName((await list({ asOf })).items).Hooli;
      // 2 days ago it was online and active; 2 hours ago online, inactive.
      expect(await hooli(TEST_NOW - 2 * DAY + HOUR)).toMatchObject({
        active: true,
        activeInstances: 1,
        airgapInstances: 0,
      });
      expect(await hooli(TEST_NOW - 2 * HOUR)).toMatchObject({
        active: false,
        activeInstances: 0,
        airgapInstances: 0,
      });
      expect(await hooli(TEST_NOW)).toMatchObject({
        active: true,
        activeInstances: 0,
        airgapInstances: 1,
      });
    });

    it('leaves out the customers created after asOf, from the page and the count', async () => {
      const { ingest, list } = await fleet(databaseId);
      await ingest.putCustomer(
        'c6',
        testCustomer({ name: 'Massive Dynamic', createdAt: at(-2 * HOUR) }),
      );
      const before = await list({ asOf: TEST_NOW - 3 * HOUR });
      expect(before.totalCount).toBe(5);
      expect(before.items.map(c => c.id)).not.toContain('c6');
      const after = await list({ asOf: TEST_NOW - 2 * HOUR });
      expect(after.totalCount).toBe(6);
      expect(after.items.map(c => c.id)).toContain('c6');
    });

    it('filters by health status, none meaning no active instance', async () => {
      const { list } = await fleet(databaseId);
      const names = async (status: CustomerListQuery['status']) =>
        (await list({ status })).items.map(c => c.name);
      expect(await names('missing')).toEqual(['Acme Corp']);
      expect(await names('ready')).toEqual(['Initech']);
      expect(await names('updating')).toEqual(['Umbrella']);
      expect(await names('degraded')).toEqual([]);
      expect(await names('none')).toEqual(['Globex', 'Hooli']);
      expect((await list({ status: 'none' })).totalCount).toBe(2);
      const beta = await list({ channelSlug: 'beta' });
      expect(beta.items.map(c => c.name)).toEqual(['Initech']);
    });

    it('sorts with customers lacking a value last, in both directions', async () => {
      const { list } = await fleet(databaseId);
      const names = async (
        sort: CustomerListQuery['sort'],
        order: 'asc' | 'desc',
      ) => (await list({ sort, order })).items.map(c => c.name);
      expect(await names('status', 'asc')).toEqual([
        'Acme Corp',
        'Umbrella',
        'Initech',
        'Globex',
        'Hooli',
      ]);
      expect(await names('status', 'desc')).toEqual([
        'Initech',
        'Umbrella',
        'Acme Corp',
        'Globex',
        'Hooli',
      ]);
      expect(await names('expiresAt', 'asc')).toEqual([
        'Globex',
        'Acme Corp',
        'Hooli',
        'Umbrella',
        'Initech',
      ]);
      // Ties keep name order whatever the direction.
      expect(await names('activeInstances', 'desc')).toEqual([
        'Acme Corp',
        'Initech',
        'Umbrella',
        'Globex',
        'Hooli',
      ]);
      expect(await names('lastActiveAt', 'desc')).toEqual([
        'Umbrella',
        'Acme Corp',
        'Initech',
        'Hooli',
        'Globex',
      ]);
      expect(await names('name', 'desc')).toEqual([
        'Umbrella',
        'Initech',
        'Hooli',
        'Globex',
        'Acme Corp',
      ]);
    });

    it('pages every sort with its keyset exactly like one long page', async () => {
      const { list } = await fleet(databaseId);
      for (const sort of CUSTOMER_SORTS) {
        for (const order of ['asc', 'desc'] as const) {
          const whole = (await list({ sort, order })).items.map(c => c.id);
          const paged: string[] = [];
          let page = await list({ sort, order, limit: 2 });
          for (;;) {
            paged.push(...page.items.map(c => c.id));
            if (!page.hasMore) break;
            page = await list({ sort, order, limit: 2, after: page.lastKey });
          }
          expect({ sort, order, ids: paged }).toEqual({
            sort,
            order,
            ids: whole,
          });
          expect(whole).toHaveLength(5);
        }
      }
    });

    it('lists the apps and channels of the customers a caller may see', async () => {
      const { stores, ingest } = await fleet(databaseId);
      await ingest.putApp('other-app', {
        ...TEST_APP,
        name: 'Other App',
        channels: [{ slug: 'edge', name: 'Edge', releases: [] }],
      });
      await ingest.putCustomer(
        'c6',
        testCustomer({
          name: 'Stark',
          appSlug: 'other-app',
          channelSlug: 'edge',
          licenseId: 'lic-c6',
        }),
      );
      expect(await stores.customers.listCustomerApps('all')).toEqual([
        {
          slug: 'other-app',
          name: 'Other App',
          channels: [{ slug: 'edge', name: 'Edge' }],
        },
        {
          slug: 'test-app',
          name: 'Test App',
          channels: [
            { slug: 'beta', name: 'Beta' },
            { slug: 'stable', name: 'Stable' },
          ],
        },
      ]);
      expect(
        await stores.customers.listCustomerApps({
          column: 'license_type',
          values: ['dev'],
        }),
      ).toEqual([
        {
          slug: 'test-app',
          name: 'Test App',
          channels: [{ slug: 'beta', name: 'Beta' }],
        },
      ]);
      expect(await stores.customers.listCustomerApps('none')).toEqual([]);
    });
  },
);
