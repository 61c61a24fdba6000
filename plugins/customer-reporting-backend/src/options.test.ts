import { ConfigReader } from '@backstage/config';
import { readAlertOptions } from './alerts/scheduleAlerts';
import { readPluginOptions } from './options';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const config = (customerReporting: object) =>
  new ConfigReader({ customerReporting });

describe('duration settings', () => {
  it('have their documented defaults', () => {
    expect(readPluginOptions(config({}))).toMatchObject({
      activeWindowMs: 24 * HOUR,
      checkInRetentionMs: 400 * DAY,
      auditRetentionMs: 400 * DAY,
      stalledAfterMs: 60 * MINUTE,
    });
    expect(readAlertOptions(config({}))).toMatchObject({
      evaluateEveryMs: MINUTE,
      lookbackMs: 168 * HOUR,
    });
  });

  it('read each duration key', () => {
    const c = config({
      activity: { activeWindow: '2h' },
      retention: { checkIns: { days: 10 }, audit: 'P5D' },
      installAttempts: { stalledAfter: { minutes: 30 } },
      alerts: { evaluateEvery: '5m', lookback: { days: 1 } },
    });
    expect(readPluginOptions(c)).toMatchObject({
      activeWindowMs: 2 * HOUR,
      checkInRetentionMs: 10 * DAY,
      auditRetentionMs: 5 * DAY,
      stalledAfterMs: 30 * MINUTE,
    });
    expect(readAlertOptions(c)).toMatchObject({
      evaluateEveryMs: 5 * MINUTE,
      lookbackMs: DAY,
    });
  });

  it('still read the older number keys', () => {
    const c = config({
      activity: { activeWindowHours: 2 },
      retention: { checkInDays: 10, auditDays: 5 },
      installAttempts: { stalledAfterMinutes: 30 },
      alerts: { evaluateEveryMinutes: 5, lookbackHours: 24 },
    });
    expect(readPluginOptions(c)).toMatchObject({
      activeWindowMs: 2 * HOUR,
      checkInRetentionMs: 10 * DAY,
      auditRetentionMs: 5 * DAY,
      stalledAfterMs: 30 * MINUTE,
    });
    expect(readAlertOptions(c)).toMatchObject({
      evaluateEveryMs: 5 * MINUTE,
      lookbackMs: DAY,
    });
  });
});

describe('the alerts default owner', () => {
  it('is null when users read only their own customers', () => {
    expect(
      readAlertOptions(config({ catalog: { defaultOwner: 'group:default/x' } }))
        .defaultOwner,
    ).toBe('group:default/x');
    expect(
      readAlertOptions(
        config({
          catalog: { defaultOwner: 'group:default/x' },
          permissions: { readOwnCustomersOnly: true },
        }),
      ).defaultOwner,
    ).toBeNull();
  });
});
