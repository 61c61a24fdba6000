import { formatDuration, formatLicenseTimeToInstall } from './formatDuration';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it.each([
    [0, '< 1 min'],
    [59, '< 1 min'],
    [60, '1 min'],
    [45 * MINUTE, '45 min'],
    [HOUR - 1, '59 min'],
    [HOUR, '1 h'],
    [5400, '1 h 30 min'],
    [DAY - 1, '23 h 59 min'],
    [DAY, '1 d'],
    [9 * DAY + 6 * HOUR, '9 d 6 h'],
    [9 * DAY + 6 * HOUR + 59 * MINUTE, '9 d 6 h'],
    [29 * DAY + 23 * HOUR, '29 d 23 h'],
    // Without a start date a month counts as 30 days.
    [30 * DAY, '1 mo'],
    [(5 * 30 + 24) * DAY, '5 mo 24 d'],
  ])('formats %d seconds as %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it('counts whole calendar months from the start date', () => {
    // 2024-01-01 to 2024-06-25 is 176 days: 5 calendar months and 24 days
    // (30-day months would say '5 mo 26 d').
    expect(formatDuration(176 * DAY, { start: '2024-01-01T00:00:00Z' })).toBe(
      '5 mo 24 d',
    );
    // February 2024 has 29 days, so 29 days from Feb 1 is a whole month.
    expect(formatDuration(29 * DAY, { start: '2024-02-01T00:00:00Z' })).toBe(
      '1 mo',
    );
  });

  it('keeps short durations identical with a start date', () => {
    expect(formatDuration(5400, { start: '2024-03-31T00:30:00Z' })).toBe(
      '1 h 30 min',
    );
  });

  it('falls back to 30-day months for an unparsable start date', () => {
    expect(formatDuration(30 * DAY, { start: 'not a date' })).toBe('1 mo');
  });

  it('returns a dash for negative or non-finite input', () => {
    expect(formatDuration(-1)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
  });

  it('says a license time to install is before the license, instead of a dash', () => {
    expect(formatLicenseTimeToInstall(-3600, '2024-03-01T00:00:00Z')).toBe(
      'ready before the license was created',
    );
    expect(formatLicenseTimeToInstall(40 * DAY, '2025-04-01T00:00:00Z')).toBe(
      '1 mo 10 d',
    );
  });
});
