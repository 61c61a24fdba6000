import { TestDatabases } from '@backstage/backend-test-utils';
import { testCustomer } from '../__testUtils__/fixtures';
import {
  ingestWithCustomer,
  reportOptions as options,
} from '../__testUtils__/ingestFixtures';
import { buildCustomerReport } from './buildCustomerReport';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'customer report: install attempts and portals on %p',
  databaseId => {
    const setup = async (customer: Record<string, unknown> = {}) =>
      ingestWithCustomer(await databases.init(databaseId), customer);

    it('reports install attempts with the stalled rule at asOf', async () => {
      const { stores, ingest } = await setup();
      await ingest.ingestInstallAttemptEvents({
        events: [
          {
            attemptId: 'a1',
            customerId: 'c1',
            type: 'started',
            at: '2024-07-01T10:00:00Z',
            installType: 'helm',
          },
          {
            attemptId: 'a1',
            customerId: 'c1',
            type: 'step',
            step: 'registry-login',
            at: '2024-07-01T10:10:00Z',
          },
          {
            attemptId: 'a1',
            customerId: 'c1',
            type: 'completed',
            at: '2024-07-01T10:40:00Z',
          },
        ],
      });
      const during = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-07-01T10:30:00Z'),
      );
      expect(during.installAttempts[0]).toMatchObject({
        status: 'in-progress',
        durationSeconds: null,
        steps: [{ step: 'started' }, { step: 'registry-login' }],
      });
      const stalled = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-07-01T10:30:00Z', { stalledAfterMs: 15 * 60_000 }),
      );
      expect(stalled.installAttempts[0].status).toBe('stalled');
      const after = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-07-02T00:00:00Z'),
      );
      expect(after.installAttempts[0]).toMatchObject({
        status: 'succeeded',
        durationSeconds: 2400,
        installType: 'helm',
      });
    });

    it("links the customer's own Download Portal address when the upstream system gives one, http(s) only", async () => {
      const { stores, ingest } = await setup();
      const url = 'https://get.nimbus.example.com/globex-9q4d2';
      await ingest.putCustomer('c1', testCustomer({ downloadPortalUrl: url }));
      const report = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-07-02T00:00:00Z'),
      );
      expect(report.portal).toEqual(
        expect.objectContaining({ kind: 'download', url }),
      );
      await expect(
        ingest.putCustomer(
          'c1',
          // A script URL must never become the portal link.
          // eslint-disable-next-line no-script-url
          testCustomer({ downloadPortalUrl: 'javascript:alert(1)' }),
        ),
      ).rejects.toThrow(/downloadPortalUrl/);
    });

    it('describes the download portal, or the enterprise portal when enabled', async () => {
      const { stores, ingest } = await setup();
      await ingest.ingestPortalEvents({
        events: [
          {
            customerId: 'c1',
            type: 'downloaded',
            at: '2024-07-01T10:00:00Z',
            version: '1.1.0',
          },
        ],
      });
      const download = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-07-02T00:00:00Z'),
      );
      expect(download.portal).toEqual({
        kind: 'download',
        url: expect.stringMatching(
          /^https:\/\/download\.example\.com\/[0-9a-f]{32}$/,
        ),
        passwordSet: false,
        passwordSetAt: null,
        passwordSetBy: null,
        lastDownload: { at: '2024-07-01T10:00:00.000Z', version: '1.1.0' },
      });

      await ingest.putCustomer(
        'c1',
        testCustomer({ enterprisePortalEnabled: true }),
      );
      await ingest.ingestPortalEvents({
        events: [
          {
            customerId: 'c1',
            type: 'user-invited',
            email: 'a@acme.example.com',
            at: '2024-07-01T08:00:00Z',
          },
          {
            customerId: 'c1',
            type: 'user-invited',
            email: 'b@acme.example.com',
            at: '2024-07-01T08:00:00Z',
          },
          {
            customerId: 'c1',
            type: 'user-joined',
            email: 'a@acme.example.com',
            at: '2024-07-01T09:00:00Z',
          },
          {
            customerId: 'c1',
            type: 'accessed',
            email: 'a@acme.example.com',
            at: '2024-07-01T09:05:00Z',
          },
          {
            customerId: 'c1',
            type: 'software-pulled',
            at: '2024-07-01T09:30:00Z',
            version: '1.0.0',
          },
          {
            customerId: 'c1',
            type: 'software-pulled',
            at: '2024-07-01T11:30:00Z',
            version: '1.1.0',
          },
        ],
      });
      const enterprise = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-07-02T00:00:00Z'),
      );
      expect(enterprise.portal).toEqual({
        kind: 'enterprise',
        // The same address as the Download Portal's (the View link).
        url: (download.portal as { url: string }).url,
        status: 'accessed',
        lastAccessedAt: '2024-07-01T09:05:00.000Z',
        users: [
          { email: 'a@acme.example.com', status: 'joined' },
          { email: 'b@acme.example.com', status: 'invited' },
        ],
        serviceAccounts: 0,
        supportBundles: 0,
        installAttempts: 0,
        delivery: {
          firstAccessAt: '2024-07-01T09:05:00.000Z',
          firstPullAt: '2024-07-01T09:30:00.000Z',
          latestPullAt: '2024-07-01T11:30:00.000Z',
        },
      });
    });

    it('answers NotFoundError for an unknown customer, and one created after asOf', async () => {
      const { stores } = await setup();
      await expect(
        buildCustomerReport(
          stores.report,
          'ghost',
          options('2024-07-02T00:00:00Z'),
        ),
      ).rejects.toThrow('Unknown customer: ghost');
      // testCustomer is created 2024-06-01T09:00Z.
      await expect(
        buildCustomerReport(
          stores.report,
          'c1',
          options('2024-06-01T08:59:59Z'),
        ),
      ).rejects.toThrow('Unknown customer: c1');
    });

    it('shows a portal password set after asOf as not set yet', async () => {
      const { stores } = await setup();
      await stores.customers.setPortalPassword(
        'c1',
        'hash',
        'user:default/alice',
        Date.parse('2024-07-01T12:00:00Z'),
      );
      const portal = async (asOf: string) =>
        (await buildCustomerReport(stores.report, 'c1', options(asOf))).portal;
      expect(await portal('2024-07-01T11:59:00Z')).toMatchObject({
        passwordSet: false,
        passwordSetAt: null,
        passwordSetBy: null,
      });
      expect(await portal('2024-07-01T12:00:00Z')).toMatchObject({
        passwordSet: true,
        passwordSetAt: '2024-07-01T12:00:00.000Z',
        passwordSetBy: 'user:default/alice',
      });
    });
  },
);
