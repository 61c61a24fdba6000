import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestIngest } from '../__testUtils__/fixtures';
import { InstallAttemptFilters } from './installAttemptQuery';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

const event = (
  attemptId: string,
  type: string,
  at: string,
  extra: Record<string, unknown> = {},
) => ({ attemptId, customerId: 'c1', type, at: `2024-06-${at}Z`, ...extra });

/** Attempts on the edges of the rules of the fleet audit (domain §7). */
const EVENTS = [
  // The last millisecond of a week (a Sunday) and the first of the next.
  event('sunday', 'started', '23T23:59:59.999', { installType: 'helm' }),
  event('sunday', 'completed', '24T00:20:00.000'),
  event('monday', 'started', '24T00:00:00.000', { installType: 'helm' }),
  event('monday', 'completed', '24T00:30:00.000'),
  // At 11:00, exactly 60 min without news, and 1 ms short of it.
  event('stalled', 'started', '24T10:00:00.000', { installType: 'linux' }),
  event('active', 'started', '24T10:00:00.001', { installType: 'linux' }),
  event('discarded', 'started', '24T09:00:00.000', { installType: 'helm' }),
  event('discarded', 'discarded', '24T09:05:00.000'),
];

describe.each(databases.eachSupportedId())(
  'install audit boundaries on %p',
  databaseId => {
    it('stalls at exactly 60 min, starts weeks on Monday 00:00 UTC, takes from inclusive and to exclusive', async () => {
      const { ingest, stores } = await createTestIngest(
        await databases.init(databaseId),
      );
      await ingest.ingestInstallAttemptEvents({ events: EVENTS });
      const query = (filters: InstallAttemptFilters = {}) => ({
        filters,
        asOf: Date.parse('2024-06-24T11:00:00Z'),
        stalledAfterMs: 3600_000,
      });
      expect(await stores.installAudit.summary(query())).toEqual({
        total: 5,
        succeeded: 2,
        failed: 0,
        stalled: 1,
        inProgress: 1,
        discarded: 1,
        successRate: 2 / 4,
        // 1200.001 s and 1800 s, interpolated.
        medianDurationSeconds: 1500,
        p90DurationSeconds: 1740,
      });
      expect(await stores.installAudit.trend(query())).toEqual({
        weeks: [
          {
            weekStart: '2024-06-17T00:00:00.000Z',
            attempts: 1,
            succeeded: 1,
            successRate: 1,
          },
          {
            weekStart: '2024-06-24T00:00:00.000Z',
            attempts: 4,
            succeeded: 1,
            successRate: 1 / 3,
          },
        ],
      });
      // From Monday 00:00 (in) to the active attempt's start (out).
      expect(
        await stores.installAudit.summary(
          query({
            from: Date.parse('2024-06-24T00:00:00.000Z'),
            to: Date.parse('2024-06-24T10:00:00.001Z'),
          }),
        ),
      ).toMatchObject({ total: 3, succeeded: 1, stalled: 1, discarded: 1 });
      // Nothing decided: no success rate, no durations.
      expect(
        await stores.installAudit.summary(query({ status: ['in-progress'] })),
      ).toEqual({
        total: 1,
        succeeded: 0,
        failed: 0,
        stalled: 0,
        inProgress: 1,
        discarded: 0,
        successRate: null,
        medianDurationSeconds: null,
        p90DurationSeconds: null,
      });
    });
  },
);
