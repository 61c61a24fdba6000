import { fixtures, NIMBUS_APP_ID } from './__fixtures__';
import { NOW, testLogger } from './__testUtils__/fakeVendorApi';
import { checkInWindow } from './checkInWindow';
import { mapEventCheckIns } from './mapEventCheckIns';
import { parseEventPage } from './parseEvents';

const t = (iso: string) => Date.parse(iso);

describe('mapEventCheckIns', () => {
  const logger = testLogger();
  const page = parseEventPage(
    { events: fixtures.events[NIMBUS_APP_ID], totalEvents: 11 },
    logger,
  );

  it('skips a malformed event and logs it', () => {
    expect(page.skipped).toBe(1);
    expect(page.received).toBe(11);
    expect(page.total).toBe(11);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Skipped a malformed instance event (item 10)'),
    );
  });

  it('turns field changes into check-ins at their times, one per instance and time', () => {
    const { drafts, ignored } = mapEventCheckIns(page.items);
    const globex = drafts
      .filter(d => d.instanceId === '3c5e7a9b1d2f')
      .map(d => [new Date(d.at).toISOString(), d.fields]);
    expect(globex).toEqual([
      ['2024-06-02T07:00:00.000Z', { appStatus: 'missing' }],
      ['2024-06-02T07:20:00.000Z', { appStatus: 'unavailable' }],
      ['2024-06-02T08:00:00.000Z', { appStatus: 'ready' }],
      // Version and status changed in the same report.
      [
        '2024-06-28T09:00:00.000Z',
        { appVersion: '2.4.0-beta.2', appStatus: 'updating' },
      ],
      ['2024-06-28T09:10:00.000Z', { appStatus: 'ready' }],
      ['2024-07-01T03:00:00.000Z', { customMetrics: { activeUsers: 42 } }],
    ]);
    // numberOfVersionsBehind is computed by the portal itself.
    expect(ignored).toBe(1);
  });
});

describe('checkInWindow', () => {
  const draft = (at: number, fields: object) => ({
    instanceId: 'i1',
    customerId: 'c1',
    at,
    fields,
  });

  it('sets future times to now, leaves out too old ones, merges same-time drafts', () => {
    const result = checkInWindow(
      [
        draft(t('2023-01-01T00:00:00Z'), { appVersion: '1.0.0' }),
        draft(t('2024-07-01T00:00:00Z'), { appStatus: 'ready' }),
        draft(t('2024-07-01T00:00:00Z'), { k8sVersion: 'v1.30.0' }),
        draft(NOW + 30 * 60_000, { appStatus: 'degraded' }),
      ],
      { now: NOW, oldest: t('2023-06-01T00:00:00Z') },
    );
    expect(result).toEqual({
      checkIns: [
        {
          instanceId: 'i1',
          customerId: 'c1',
          at: '2024-07-01T00:00:00.000Z',
          appStatus: 'ready',
          k8sVersion: 'v1.30.0',
        },
        {
          instanceId: 'i1',
          customerId: 'c1',
          at: new Date(NOW).toISOString(),
          appStatus: 'degraded',
        },
      ],
      clamped: 1,
      tooOld: 1,
    });
  });
});
