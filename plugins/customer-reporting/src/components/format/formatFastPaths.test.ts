import fc from 'fast-check';
import { DateTime, Duration, Interval, Settings } from 'luxon';
import {
  formatLocalDate,
  formatLocalDateTime,
  formatUtcDateTime,
} from './formatDateTime';
import { formatDuration } from './formatDuration';
import { formatRelativeTime } from './formatRelativeTime';

/*
 * The formatters take shortcuts around luxon where a table row calls them
 * (see each one); these check the shortcuts say exactly what luxon says.
 */

const DAY_MS = 86_400_000;
// 2000-2040, so daylight-saving changes and leap days fall in range.
const instant = fc.integer({ min: 946_684_800_000, max: 2_208_988_800_000 });
// Zones with daylight saving of one hour, half an hour (Lord Howe), none.
const zone = fc.constantFrom(
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
);
const locale = fc.constantFrom('en-US', 'en-GB', 'de-DE', 'ja-JP');

function withSettings(z: string, l: string, check: () => void) {
  const [zoneBefore, localeBefore] = [
    Settings.defaultZone,
    Settings.defaultLocale,
  ];
  Settings.defaultZone = z;
  Settings.defaultLocale = l;
  try {
    check();
  } finally {
    Settings.defaultZone = zoneBefore;
    Settings.defaultLocale = localeBefore;
  }
}

describe('the formatters agree with luxon', () => {
  it('local and UTC times of an API time', () => {
    fc.assert(
      fc.property(instant, zone, locale, (ms, z, l) =>
        withSettings(z, l, () => {
          const iso = new Date(ms).toISOString();
          const time = DateTime.fromISO(iso);
          expect(formatLocalDateTime(iso)).toBe(
            time.toLocaleString(DateTime.DATETIME_MED),
          );
          expect(formatLocalDate(iso)).toBe(
            time.toLocaleString(DateTime.DATE_MED),
          );
          expect(formatUtcDateTime(iso)).toBe(
            time.toUTC().toFormat("yyyy-LL-dd HH:mm:ss 'UTC'"),
          );
        }),
      ),
    );
  });

  it('relative times near now', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -40 * DAY_MS, max: 40 * DAY_MS }),
        zone,
        (nowMs, offset, z) =>
          withSettings(z, 'en-US', () => {
            const now = DateTime.fromMillis(nowMs);
            const iso = new Date(nowMs + offset).toISOString();
            expect(formatRelativeTime(iso, now)).toBe(
              DateTime.fromISO(iso).toRelative({ base: now }),
            );
          }),
      ),
    );
  });

  it('durations shorter than a month, with and without a start', () => {
    const units = ['months', 'days', 'hours', 'minutes'] as const;
    const parts = (d: Duration) => units.map(unit => Math.floor(d.get(unit)));
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 28 * 86_400 - 1 }),
        instant,
        (seconds, startMs) => {
          const start = DateTime.fromMillis(startMs, { zone: 'utc' });
          const [months, days, hours, minutes] = parts(
            Interval.fromDateTimes(start, start.plus({ seconds })).toDuration([
              ...units,
            ]),
          );
          expect(months).toBe(0);
          const [major, minor] =
            days > 0
              ? [`${days} d`, hours > 0 ? ` ${hours} h` : '']
              : [`${hours} h`, minutes > 0 ? ` ${minutes} min` : ''];
          const expected =
            days > 0 || hours > 0 ? major + minor : `${minutes} min`;
          expect(formatDuration(seconds, { start: start.toISO()! })).toBe(
            expected,
          );
          expect(formatDuration(seconds)).toBe(expected);
        },
      ),
    );
  });
});
