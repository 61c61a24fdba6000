import { CUSTOMER_IDS, fixtures, NIMBUS_APP_ID } from './__fixtures__';
import { NOW, testLogger } from './__testUtils__/fakeVendorApi';
import { parsedCustomer } from './__testUtils__/parsedFixtures';
import { mapPortalEvents } from './mapPortalEvents';
import { parseSupportBundles } from './parseSupportBundles';
import {
  parsePortalUserPage,
  parseServiceAccountPage,
} from './parsePortalAccounts';

describe('mapPortalEvents', () => {
  const acmeRecords = (list: Record<string, unknown>[]) =>
    list.filter(r => r.customerId === CUSTOMER_IDS.acme);
  const users = parsePortalUserPage(
    { users: acmeRecords(fixtures.customerUsers[NIMBUS_APP_ID]), total: 2 },
    testLogger(),
  ).items;
  const serviceAccounts = parseServiceAccountPage(
    {
      service_accounts: acmeRecords(fixtures.serviceAccounts[NIMBUS_APP_ID]),
      total: 2,
    },
    testLogger(),
  ).items;

  const supportBundles = parseSupportBundles(
    fixtures.supportBundles,
    testLogger(),
  ).items.filter(b => b.customerId === CUSTOMER_IDS.acme);

  it('turns users, service accounts, support bundles and software pulls into portal events', () => {
    const { customer } = parsedCustomer('acme');
    const customerId = customer.id;
    expect(
      mapPortalEvents(
        { customer, users, serviceAccounts, supportBundles },
        NOW,
      ),
    ).toEqual([
      {
        customerId,
        type: 'user-invited',
        at: '2024-03-01T09:30:00.000Z',
        email: 'alice@acme.example.com',
      },
      {
        customerId,
        type: 'user-joined',
        at: '2024-03-02T08:00:00.000Z',
        email: 'alice@acme.example.com',
      },
      {
        customerId,
        type: 'accessed',
        at: '2024-03-02T08:00:00.000Z',
        email: 'alice@acme.example.com',
      },
      {
        customerId,
        type: 'accessed',
        at: '2024-07-01T09:12:00.000Z',
        email: 'alice@acme.example.com',
      },
      // A pending invitation: invited only.
      {
        customerId,
        type: 'user-invited',
        at: '2024-06-15T10:00:00.000Z',
        email: 'bob@acme.example.com',
      },
      // The revoked account is left out.
      {
        customerId,
        type: 'service-account-created',
        at: '2024-04-01T10:00:00.000Z',
        email: 'ci-pipeline@acme.example.com',
      },
      {
        customerId,
        type: 'support-bundle-uploaded',
        at: '2024-03-11T02:41:30.000Z',
      },
      {
        customerId,
        type: 'support-bundle-uploaded',
        at: '2024-06-30T15:55:00.000Z',
      },
      {
        customerId,
        type: 'software-pulled',
        at: '2024-03-10T13:20:00.000Z',
        version: '2.2.0',
      },
      {
        customerId,
        type: 'software-pulled',
        at: '2024-06-21T01:30:00.000Z',
        version: '2.3.1',
      },
    ]);
  });

  it("turns the last air gap bundle download into the Download Portal's last download", () => {
    const { customer } = parsedCustomer('hooli');
    expect(
      mapPortalEvents(
        { customer, users: [], serviceAccounts: [], supportBundles: [] },
        NOW,
      ),
    ).toEqual([
      {
        customerId: customer.id,
        type: 'downloaded',
        at: '2024-06-25T16:40:00.000Z',
        version: '2.4.0-edge.3',
      },
    ]);
  });

  it('clamps times after now', () => {
    const { customer } = parsedCustomer('acme');
    const events = mapPortalEvents(
      { customer, users: [], serviceAccounts: [], supportBundles: [] },
      Date.parse('2024-05-01T00:00:00Z'),
    );
    expect(events.map(e => e.at)).toEqual([
      '2024-03-10T13:20:00.000Z',
      '2024-05-01T00:00:00.000Z',
    ]);
  });
});
