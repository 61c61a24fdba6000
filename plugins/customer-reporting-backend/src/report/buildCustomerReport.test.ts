import { TestDatabases } from '@backstage/backend-test-utils';
import {
  customerCheckIn as checkIn,
  ingestWithCustomer,
  reportOptions as options,
} from '../__testUtils__/ingestFixtures';
import { buildCustomerReport } from './buildCustomerReport';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'customer report on %p',
  databaseId => {
    const setup = async (customer: Record<string, unknown> = {}) =>
      ingestWithCustomer(await databases.init(databaseId), customer);

    it('shows domain example 1: instance 1 h 30 min, license 9 d 6 h 30 min', async () => {
      const { stores, ingest } = await setup({
        createdAt: '2024-03-01T09:00:00Z',
      });
      await ingest.ingestCheckIns({
        checkIns: [
          checkIn('i1', '2024-03-10T14:00:00Z', 'missing'),
          checkIn('i1', '2024-03-10T14:20:00Z', 'unavailable'),
          checkIn('i1', '2024-03-10T15:30:00Z', 'ready'),
          checkIn('i1', '2024-03-11T02:00:00Z', 'degraded'),
          checkIn('i1', '2024-03-11T03:00:00Z', 'ready'),
        ],
      });
      const report = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-03-11T12:00:00Z'),
      );
      expect(report.timeToInstall).toEqual({
        instanceId: 'i1',
        firstSeenAt: '2024-03-10T14:00:00.000Z',
        firstReadyAt: '2024-03-10T15:30:00.000Z',
        instanceSeconds: 5400,
        licenseSeconds: 9 * 86400 + 6 * 3600 + 1800,
      });
    });

    it('shows domain example 2: the instance whose first ready is the latest', async () => {
      const { stores, ingest } = await setup({
        createdAt: '2024-06-01T09:00:00Z',
      });
      await ingest.ingestCheckIns({
        checkIns: [
          checkIn('A', '2024-06-02T08:30:00Z', 'missing'),
          checkIn('A', '2024-06-02T09:00:00Z', 'ready'),
          checkIn('B', '2024-06-02T07:00:00Z', 'missing'),
          checkIn('B', '2024-06-02T08:00:00Z', 'ready'),
          checkIn('B', '2024-06-02T09:30:00Z', 'degraded'),
          checkIn('B', '2024-06-02T10:00:00Z', 'ready'),
        ],
      });
      const report = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-06-02T12:00:00Z'),
      );
      expect(report.timeToInstall).toMatchObject({
        instanceId: 'A',
        instanceSeconds: 1800,
        licenseSeconds: 86400,
      });
      // Seen from before A was ready, B is shown.
      const earlier = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-06-02T08:45:00Z'),
      );
      expect(earlier.timeToInstall).toMatchObject({
        instanceId: 'B',
        instanceSeconds: 3600,
        licenseSeconds: 23 * 3600,
      });
      const before = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-06-02T07:30:00Z'),
      );
      expect(before.timeToInstall).toBeNull();
    });

    it('shows domain example 3 in the 14 daily bars and the ratio over them', async () => {
      const { stores, ingest } = await setup();
      const statusAt: Record<number, string> = {
        0: 'ready',
        6: 'degraded',
        9: 'unavailable',
        10: 'missing',
        11: 'updating',
        12: 'ready',
      };
      let status = 'ready';
      const checkIns = Array.from({ length: 24 }, (_, h) => {
        status = statusAt[h] ?? status;
        return checkIn(
          'i1',
          `2024-07-01T${String(h).padStart(2, '0')}:00:00Z`,
          status,
        );
      });
      await ingest.ingestCheckIns({ checkIns });
      const report = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-07-02T12:00:00Z'),
      );
      const { days, ratio } = report.instances[0].uptime;
      expect(days).toHaveLength(14);
      expect(days[0].date).toBe('2024-06-19');
      expect(days[12]).toMatchObject({ date: '2024-07-01' });
      expect(days[12].up).toBeCloseTo(19 / 24, 10);
      expect(days[12].degraded).toBeCloseTo(3 / 24, 10);
      expect(days[12].down).toBeCloseTo(2 / 24, 10);
      // Today so far: 12 h observed, all ready.
      expect(days[13]).toMatchObject({ date: '2024-07-02', up: 1, noData: 0 });
      expect(days[0]).toMatchObject({ noData: 1 });
      expect(ratio).toBeCloseTo((22 + 12) / 36, 10);
      for (const d of days)
        expect(d.up + d.degraded + d.down + d.noData).toBeCloseTo(1, 10);
    });

    it('counts and filters instances by activity (domain example 5)', async () => {
      const { stores, ingest } = await setup();
      await ingest.ingestCheckIns({
        checkIns: [
          checkIn('on', '2024-07-01T12:00:30Z', 'ready', {
            appVersion: '1.0.0',
            tags: { name: 'prod-eu' },
          }),
          // A blank name tag is no display name: the page shows the id.
          checkIn('off', '2024-07-01T11:59:00Z', 'ready', {
            tags: { name: '  ' },
          }),
          checkIn('gap', '2024-06-01T00:00:00Z', 'ready', { airgap: true }),
        ],
      });
      const report = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-07-02T12:00:00Z'),
      );
      expect(report.instanceCounts).toEqual({
        active: 1,
        airgap: 1,
        inactive: 1,
        archived: 0,
      });
      expect(report.instances.map(i => i.id)).toEqual(['gap', 'on']);
      expect(report.instances[1]).toMatchObject({
        shortId: 'on',
        name: 'prod-eu',
        appVersion: '1.0.0',
        versionsBehind: 1,
        status: 'ready',
        active: true,
      });
      expect(report.customer).toMatchObject({
        active: true,
        licenseTypeLabel: 'Paid',
        channel: { slug: 'stable', name: 'Stable' },
      });
      const all = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-07-02T12:00:00Z', { includeInactive: true }),
      );
      expect(all.instances.map(i => i.id)).toEqual(['gap', 'off', 'on']);
      expect(all.instances[1].name).toBeNull();
    });

    it('rewinds an instance to its state at asOf', async () => {
      const { stores, ingest } = await setup();
      await ingest.ingestCheckIns({
        checkIns: [
          checkIn('i1', '2024-06-10T00:00:00Z', 'ready', {
            appVersion: '1.0.0',
            cloudRegion: 'eu',
          }),
          checkIn('i1', '2024-06-20T00:00:00Z', 'degraded', {
            appVersion: '1.1.0',
          }),
        ],
      });
      const then = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-06-15T00:00:00Z', { includeInactive: true }),
      );
      expect(then.instances[0]).toMatchObject({
        appVersion: '1.0.0',
        status: 'ready',
        cloudRegion: 'eu',
        lastCheckInAt: '2024-06-10T00:00:00.000Z',
      });
      const now = await buildCustomerReport(
        stores.report,
        'c1',
        options('2024-06-20T01:00:00Z'),
      );
      expect(now.instances[0]).toMatchObject({
        appVersion: '1.1.0',
        status: 'degraded',
        versionsBehind: 0,
        cloudRegion: 'eu',
      });
    });

    it('shows the release of the last check-in, not a label and a sequence of two', async () => {
      const { stores, ingest } = await setup();
      const both = { releaseSequence: 1, appVersion: '1.0.0' };
      await ingest.ingestCheckIns({
        checkIns: [
          checkIn('label', '2024-07-01T09:00:00Z', 'ready', both),
          checkIn('label', '2024-07-01T10:00:00Z', 'ready', {
            appVersion: '1.1.0',
          }),
          checkIn('sequence', '2024-07-01T09:00:00Z', 'ready', both),
          checkIn('sequence', '2024-07-01T10:00:00Z', 'ready', {
            releaseSequence: 2,
          }),
          checkIn('labels-only', '2024-07-01T09:00:00Z', 'ready', {
            appVersion: '1.0.0',
          }),
        ],
      });
      const version = async (asOf: string) =>
        (
          await buildCustomerReport(stores.report, 'c1', options(asOf))
        ).instances
          .map(i => `${i.id} ${i.appVersion} ${i.versionsBehind}`)
          .sort();
      // 1.1.0 is release 2 of stable, the latest: found by its label once
      // the sequence 1 reported beside 1.0.0 no longer applies.
      expect(await version('2024-07-01T12:00:00Z')).toEqual([
        'label 1.1.0 0',
        'labels-only 1.0.0 1',
        'sequence 2 0',
      ]);
      expect(await version('2024-07-01T09:30:00Z')).toEqual([
        'label 1.0.0 1',
        'labels-only 1.0.0 1',
        'sequence 1.0.0 1',
      ]);
    });
  },
);
