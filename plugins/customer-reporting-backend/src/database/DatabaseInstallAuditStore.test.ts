import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createTestIngest,
  TEST_NOW,
  testCustomer,
} from '../__testUtils__/fixtures';
import { AuditQuery } from './DatabaseInstallAuditStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

type Event = Record<string, unknown>;
const attempt = (
  attemptId: string,
  customerId: string,
  installType: string,
  events: [string, string, Event?][],
): Event[] =>
  events.map(([type, at, extra], i) => ({
    attemptId,
    customerId,
    type,
    at: `2024-${at}:00Z`,
    ...(i === 0 ? { installType } : {}),
    ...extra,
  }));

// A constructed fleet with known answers (see the expectations below).
const EVENTS = [
  ...attempt('h1', 'c1', 'helm', [
    ['started', '06-17T10:00'],
    ['step', '06-17T10:05', { step: 'registry-login' }],
    ['step', '06-17T10:10', { step: 'images-pulled' }],
    ['completed', '06-17T10:20'],
  ]),
  ...attempt('h2', 'c1', 'helm', [
    ['started', '06-18T11:00'],
    ['step', '06-18T11:05', { step: 'registry-login' }],
    ['completed', '06-18T11:40'],
  ]),
  ...attempt('h3', 'c2', 'helm', [
    ['started', '06-19T09:00'],
    ['step', '06-19T09:05', { step: 'registry-login' }],
    [
      'failed',
      '06-19T09:30',
      { step: 'images-pulled', reason: 'ImagePullBackOff for "a:1" after 30s' },
    ],
  ]),
  ...attempt('h4', 'c2', 'helm', [
    ['started', '06-24T09:00'],
    ['step', '06-24T09:05', { step: 'registry-login' }],
    [
      'failed',
      '06-24T09:40',
      { step: 'images-pulled', reason: 'imagepullbackoff for "b:2" after 45s' },
    ],
  ]),
  ...attempt('h5', 'c1', 'helm', [
    ['started', '06-25T09:00'],
    ['step', '06-25T09:05', { step: 'registry-login' }],
  ]),
  ...attempt('l1', 'c1', 'linux', [
    ['started', '06-26T09:00'],
    ['step', '06-26T09:30', { step: 'assets-downloaded' }],
    ['completed', '06-26T10:00'],
  ]),
  ...attempt('l2', 'c2', 'linux', [['started', '07-02T11:50']]),
  ...attempt('l3', 'c2', 'linux', [
    ['started', '06-27T09:00'],
    ['discarded', '06-27T09:10'],
  ]),
];

describe.each(databases.eachSupportedId())(
  'install audit on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const { stores, ingest } = await createTestIngest(knex);
      await ingest.putCustomer(
        'c2',
        testCustomer({ name: 'Globex', licenseId: 'lic-g' }),
      );
      await ingest.ingestInstallAttemptEvents({ events: EVENTS });
      const query = (filters: AuditQuery['filters'] = {}): AuditQuery => ({
        filters,
        asOf: TEST_NOW,
        stalledAfterMs: 3600_000,
      });
      return { knex, stores, ingest, query };
    }

    it('summarises counts, success rate and duration percentiles', async () => {
      const { stores, query } = await setup();
      expect(await stores.installAudit.summary(query())).toEqual({
        total: 8,
        succeeded: 3,
        failed: 2,
        stalled: 1,
        inProgress: 1,
        discarded: 1,
        successRate: 3 / 7,
        medianDurationSeconds: 2400,
        p90DurationSeconds: 3360,
      });
      expect(
        await stores.installAudit.summary(query({ installType: 'linux' })),
      ).toMatchObject({ total: 3, succeeded: 1, successRate: 0.5 });
      expect(
        await stores.installAudit.summary(
          query({ status: ['failed', 'stalled'], customerId: 'c2' }),
        ),
      ).toMatchObject({ total: 2, failed: 2, stalled: 0 });
      expect(
        await stores.installAudit.summary(
          query({
            from: Date.parse('2024-06-24T00:00:00Z'),
            to: Date.parse('2024-06-26T00:00:00Z'),
          }),
        ),
      ).toMatchObject({ total: 2 });
    });

    it('builds the funnel per install type', async () => {
      const { stores, query } = await setup();
      expect(await stores.installAudit.funnel(query())).toEqual({
        installTypes: [
          {
            installType: 'helm',
            steps: [
              { step: 'started', reached: 5, stalledHere: 0, failedHere: 0 },
              {
                step: 'registry-login',
                reached: 5,
                stalledHere: 1,
                failedHere: 2,
              },
              {
                step: 'images-pulled',
                reached: 2,
                stalledHere: 0,
                failedHere: 0,
              },
              { step: 'completed', reached: 2, stalledHere: 0, failedHere: 0 },
            ],
          },
          {
            installType: 'linux',
            steps: [
              { step: 'started', reached: 3, stalledHere: 0, failedHere: 0 },
              {
                step: 'assets-downloaded',
                reached: 1,
                stalledHere: 0,
                failedHere: 0,
              },
              { step: 'completed', reached: 1, stalledHere: 0, failedHere: 0 },
            ],
          },
        ],
      });
    });

    it('groups failures by step and normalised reason', async () => {
      const { stores, query } = await setup();
      const { items } = await stores.installAudit.failureGroups(query());
      expect(items).toEqual([
        {
          status: 'failed',
          step: 'images-pulled',
          reason: 'imagepullbackoff for <value> after <n>s',
          exampleReason: expect.stringMatching(/imagepullbackoff/i),
          count: 2,
          customers: 1,
          firstSeenAt: '2024-06-19T09:30:00.000Z',
          lastSeenAt: '2024-06-24T09:40:00.000Z',
        },
        {
          status: 'stalled',
          step: 'registry-login',
          reason: null,
          exampleReason: null,
          count: 1,
          customers: 1,
          firstSeenAt: '2024-06-25T09:05:00.000Z',
          lastSeenAt: '2024-06-25T09:05:00.000Z',
        },
      ]);
      expect(
        (
          await stores.installAudit.failureGroups(
            query({ status: ['succeeded'] }),
          )
        ).items,
      ).toEqual([]);
    });

    it("filters to a failure group's attempts by status, step and reason", async () => {
      const { stores, query } = await setup();
      const { items } = await stores.installAudit.failureGroups(query());
      for (const group of items) {
        const filters = {
          status: [group.status],
          step: group.step ?? undefined,
          reason: group.reason ?? undefined,
        };
        const summary = await stores.installAudit.summary(query(filters));
        expect(summary.total).toBe(group.count);
      }
      const none = await stores.installAudit.summary(
        query({ status: ['failed'], step: 'images-pulled', reason: 'other' }),
      );
      expect(none.total).toBe(0);
    });

    it('trends attempts and success rate per week', async () => {
      const { stores, query } = await setup();
      expect(await stores.installAudit.trend(query())).toEqual({
        weeks: [
          {
            weekStart: '2024-06-17T00:00:00.000Z',
            attempts: 3,
            succeeded: 2,
            successRate: 2 / 3,
          },
          {
            weekStart: '2024-06-24T00:00:00.000Z',
            attempts: 4,
            succeeded: 1,
            successRate: 1 / 4,
          },
          {
            weekStart: '2024-07-01T00:00:00.000Z',
            attempts: 1,
            succeeded: 0,
            successRate: null,
          },
        ],
      });
    });

    it('sorts and pages the attempt list by any column', async () => {
      const { stores } = await setup();
      const page = (after?: { value: string | number; id: string }) =>
        stores.installAttempts.listAttempts(
          {},
          {
            asOf: TEST_NOW,
            stalledAfterMs: 3600_000,
            limit: 2,
            sort: 'duration',
            order: 'desc',
            after,
          },
        );
      const first = await page();
      expect(first.rows.map(r => r.id)).toEqual(['l1', 'h2']);
      const last = first.rows[1];
      const second = await page({ value: last.sort_value, id: last.id });
      expect(second.rows.map(r => r.id)).toEqual(['h1', 'h3']);
      expect(second.totalCount).toBe(8);
    });

    it('gives time to install percentiles across customers', async () => {
      const { knex, stores, ingest } = await setup();
      await ingest.ingestCheckIns({
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-02T08:00:00Z',
            appStatus: 'missing',
            appVersion: '1.0.0',
          },
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: '2024-06-02T09:00:00Z',
            appStatus: 'ready',
          },
          {
            instanceId: 'i2',
            customerId: 'c2',
            at: '2024-06-03T09:00:00Z',
            appStatus: 'missing',
            appVersion: '1.1.0',
          },
          {
            instanceId: 'i2',
            customerId: 'c2',
            at: '2024-06-03T11:00:00Z',
            appStatus: 'ready',
          },
          {
            instanceId: 'i3',
            customerId: 'c2',
            at: '2024-06-20T09:00:00Z',
            appStatus: 'ready',
            appVersion: '1.1.0',
          },
        ],
      });
      await knex('instances').where({ id: 'i3' }).update({ archived: true });
      expect(await stores.timeToInstallStats.stats('app', TEST_NOW)).toEqual({
        groups: [
          {
            key: 'test-app',
            customers: 2,
            license: { median: 133200, p90: 170640 },
            instance: { median: 5400, p90: 6840 },
          },
        ],
      });
      const byVersion = await stores.timeToInstallStats.stats(
        'appVersion',
        TEST_NOW,
      );
      expect(
        byVersion.groups.map(g => [g.key, g.customers, g.license.median]),
      ).toEqual([
        ['1.0.0', 1, 86400],
        ['1.1.0', 1, 180000],
      ]);
      expect(
        (await stores.timeToInstallStats.stats('channel', TEST_NOW)).groups[0]
          .key,
      ).toBe('test-app/stable');
    });
  },
);
