import { Settings } from 'luxon';
import {
  formatLocalDate,
  formatLocalDateTime,
  formatUtcDateTime,
} from './formatDateTime';

describe('formatDateTime', () => {
  const zone = Settings.defaultZone;
  const locale = Settings.defaultLocale;
  beforeEach(() => {
    // A zone far from UTC, so a formatter that ignored it would be caught.
    Settings.defaultZone = 'America/New_York';
    Settings.defaultLocale = 'en-US';
  });
  afterEach(() => {
    Settings.defaultZone = zone;
    Settings.defaultLocale = locale;
  });

  it('shows the local time of the viewer', () => {
    expect(formatLocalDateTime('2025-06-10T12:30:00Z')).toBe(
      'Jun 10, 2025, 8:30 AM',
    );
    expect(formatLocalDate('2025-06-10T02:00:00Z')).toBe('Jun 9, 2025');
  });

  it('shows the UTC value whatever the local zone', () => {
    expect(formatUtcDateTime('2025-06-10T12:30:05Z')).toBe(
      '2025-06-10 12:30:05 UTC',
    );
    expect(formatUtcDateTime('2025-06-10T14:30:05+02:00')).toBe(
      '2025-06-10 12:30:05 UTC',
    );
  });

  it('returns undefined for an unparsable time', () => {
    expect(formatLocalDateTime('soon')).toBeUndefined();
    expect(formatLocalDate('soon')).toBeUndefined();
    expect(formatUtcDateTime('soon')).toBeUndefined();
  });
});
