import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createTestIngest,
  TEST_NOW,
  testCustomer,
} from '../__testUtils__/fixtures';
import {
  CUSTOMER_COLUMNS,
  CUSTOMER_INSTANCE_COLUMNS,
  customerInstanceRows,
  customerRows,
} from './exportRows';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const HOUR = 3600_000;
const at = (offsetMs: number) => new Date(TEST_NOW + offsetMs).toISOString();

async function collect(pages: AsyncIterable<unknown[][]>, columns: string[]) {
  const rows: Record<string, unknown>[] = [];
  for await (const page of pages) {
    for (const row of page) {
      expect(row).toHaveLength(columns.length);
      rows.push(Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    }
  }
  return rows;
}

describe.each(databases.eachSupportedId())('CSV rows on %p', databaseId => {
  async function setup() {
    const { stores, ingest } = await createTestIngest(
      await databases.init(databaseId),
    );
    await ingest.putCustomer(
      'c2',
      testCustomer({ name: 'Zeta', licenseType: 'dev', licenseId: 'lic-z' }),
    );
    await ingest.ingestCheckIns({
      checkIns: [
        {
          instanceId: 'i1',
          customerId: 'c1',
          at: at(-HOUR),
          appStatus: 'ready',
        },
        {
          instanceId: 'i2',
          customerId: 'c1',
          at: at(-2 * HOUR),
          appStatus: 'ready',
        },
        {
          instanceId: 'i3',
          customerId: 'c1',
          at: at(-10 * 24 * HOUR),
          appStatus: 'ready',
          airgap: true,
        },
      ],
    });
    return stores;
  }

  it('counts air gap instances apart and labels license types, like the list', async () => {
    const stores = await setup();
    const rows = await collect(
      customerRows(stores, TEST_NOW, 24 * HOUR, 'all'),
      CUSTOMER_COLUMNS,
    );
    expect(rows).toMatchObject([
      {
        customer_id: 'c1',
        customer_license_type: 'Paid',
        customer_active_instances: 2,
        customer_airgap_instances: 1,
        customer_is_active: true,
      },
      {
        customer_id: 'c2',
        customer_license_type: 'Development',
        customer_active_instances: 0,
        customer_airgap_instances: 0,
        customer_is_active: false,
      },
    ]);
  });

  it('lists every customer in the instances file, without instances as one empty row', async () => {
    const stores = await setup();
    const rows = await collect(
      customerInstanceRows(stores, TEST_NOW, 24 * HOUR, 'all'),
      CUSTOMER_INSTANCE_COLUMNS,
    );
    expect(
      rows.map(r => [
        r.customer_id,
        r.customer_license_type,
        r.instance_id,
        r.instance_is_active,
        r.instance_is_airgap,
      ]),
    ).toEqual([
      ['c1', 'Paid', 'i1', true, false],
      ['c1', 'Paid', 'i2', true, false],
      // Air gap is its own bucket here too, not "active".
      ['c1', 'Paid', 'i3', false, true],
      ['c2', 'Development', null, null, null],
    ]);
    const empty = rows[3];
    const instanceColumns = CUSTOMER_INSTANCE_COLUMNS.filter(
      column => !column.startsWith('customer_'),
    );
    expect(instanceColumns.map(column => empty[column])).toEqual(
      instanceColumns.map(() => null),
    );
    expect(empty.customer_name).toBe('Zeta');
  });

  it('holds only the customers the caller may see', async () => {
    const stores = await setup();
    const rows = await collect(
      customerInstanceRows(stores, TEST_NOW, 24 * HOUR, {
        column: 'license_type',
        values: ['dev'],
      }),
      CUSTOMER_INSTANCE_COLUMNS,
    );
    expect(rows.map(r => r.customer_id)).toEqual(['c2']);
    expect(
      await collect(
        customerInstanceRows(stores, TEST_NOW, 24 * HOUR, 'none'),
        CUSTOMER_INSTANCE_COLUMNS,
      ),
    ).toEqual([]);
  });
});
