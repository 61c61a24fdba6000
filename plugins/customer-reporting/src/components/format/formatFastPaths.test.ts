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
    // Half the offsets within two days, where the clock units are worked
    // out by hand, and the rest out to 40 days, where luxon still counts.
    const offset = fc.oneof(
      fc.integer({ min: -2 * DAY_MS, max: 2 * DAY_MS }),
      fc.integer({ min: -40 * DAY_MS, max: 40 * DAY_MS }),
      fc.integer({ min: -2_000, max: 2_000 }),
    );
    fc.assert(
      fc.property(instant, offset, zone, locale, (nowMs, ms, z, l) =>
        withSettings(z, l, () => {
          const now = DateTime.fromMillis(nowMs);
          const iso = new Date(nowMs + ms).toISOString();
          expect(formatRelativeTime(iso, now)).toBe(
            DateTime.fromISO(iso).toRelative({ base: now }),
          );
        }),
      ),
      { numRuns: 500 },
    );
  });

  it('durations, with and without a start', () => {
    // What formatDuration said when luxon worked out the parts.
    const units = ['months', 'days', 'hours', 'minutes'] as const;
    const luxonText = (seconds: number, start?: DateTime) => {
      const d = start
        ? Interval.fromDateTimes(start, start.plus({ seconds })).toDuration([
            ...units,
          ])
        : Duration.fromObject({ seconds }).shiftTo(...units);
      const [months, days, hours, minutes] = units.map(unit =>
        Math.floor(d.get(unit)),
      );
      const pair = (a: number, ua: string, b: number, ub: string) =>
        b > 0 ? `${a} ${ua} ${b} ${ub}` : `${a} ${ua}`;
      if (months > 0) return pair(months, 'mo', days, 'd');
      if (days > 0) return pair(days, 'd', hours, 'h');
      if (hours > 0) return pair(hours, 'h', minutes, 'min');
      return `${minutes} min`;
    };
    // Half under 40 days, around the month boundaries; the rest to 3 years.
    const seconds = fc.oneof(
      fc.integer({ min: 60, max: 40 * 86_400 }),
      fc.integer({ min: 60, max: 3 * 365 * 86_400 }),
    );
    // Any start, or one in the last days of a month, where luxon clamps
    // (Jan 31 + 1 month is the end of February).
    const start = fc.oneof(
      instant.map(ms => DateTime.fromMillis(ms, { zone: 'utc' })),
      fc
        .tuple(instant, fc.integer({ min: 0, max: 4 * DAY_MS - 1 }))
        .map(([ms, beforeEnd]) =>
          DateTime.fromMillis(ms, { zone: 'utc' })
            .endOf('month')
            .minus({ milliseconds: beforeEnd }),
        ),
    );
    fc.assert(
      fc.property(seconds, start, (s, from) => {
        expect(formatDuration(s, { start: from.toISO()! })).toBe(
          luxonText(s, from),
        );
        expect(formatDuration(s)).toBe(luxonText(s));
      }),
      { numRuns: 2000 },
    );
  });
});
