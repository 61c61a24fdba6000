import { DateTime } from 'luxon';
import { formatRelativeTime } from './formatRelativeTime';

describe('formatRelativeTime', () => {
  const now = DateTime.fromISO('2025-06-10T12:00:00Z');

  it('formats a past time relative to the reference moment', () => {
    expect(formatRelativeTime('2025-06-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2025-06-07T12:00:00Z', now)).toBe('3 days ago');
  });

  it('returns undefined for missing or invalid times', () => {
    expect(formatRelativeTime(null, now)).toBeUndefined();
    expect(formatRelativeTime('', now)).toBeUndefined();
    expect(formatRelativeTime('yesterday', now)).toBeUndefined();
  });
});
