import { ConfigReader } from '@backstage/config';
import { readCheckInRetentionMs, readDurationMs } from './durations';

const DAY_MS = 86_400_000;
const read = (retention?: object) =>
  readCheckInRetentionMs(
    new ConfigReader(retention ? { customerReporting: { retention } } : {}),
  );

describe('readDurationMs', () => {
  it('reads the duration forms Backstage reads', () => {
    expect(read({ checkIns: { days: 30 } })).toBe(30 * DAY_MS);
    expect(read({ checkIns: { weeks: 1, days: 1 } })).toBe(8 * DAY_MS);
    expect(read({ checkIns: '12h' })).toBe(DAY_MS / 2);
    expect(read({ checkIns: 'P2D' })).toBe(2 * DAY_MS);
  });

  it('still reads the older number-of-units key, unless the new key is set', () => {
    expect(read({ checkInDays: 30 })).toBe(30 * DAY_MS);
    expect(read({ checkInDays: 30, checkIns: '1d' })).toBe(DAY_MS);
  });

  it('falls back to the default', () => {
    expect(read()).toBe(400 * DAY_MS);
    expect(
      readDurationMs(new ConfigReader({}), {
        key: 'a.every',
        legacyKey: 'a.everyMinutes',
        legacyUnit: 'minutes',
        defaultValue: { minutes: 1 },
      }),
    ).toBe(60_000);
  });

  it('names the key of a duration it cannot use', () => {
    expect(() => read({ checkIns: 'soon' })).toThrow(
      /customerReporting\.retention\.checkIns/,
    );
    expect(() => read({ checkIns: { dayz: 3 } })).toThrow(
      /customerReporting\.retention\.checkIns/,
    );
    expect(() => read({ checkIns: '0d' })).toThrow(
      'customerReporting.retention.checkIns must be a positive duration',
    );
    expect(() => read({ checkInDays: -1 })).toThrow(
      'customerReporting.retention.checkInDays must be a positive duration',
    );
    expect(() => read({ checkInDays: 'many' })).toThrow(/checkInDays/);
  });
});
