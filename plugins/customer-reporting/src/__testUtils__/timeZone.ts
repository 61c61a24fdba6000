import { Settings } from 'luxon';

/**
 * Runs the surrounding tests with luxon in a fixed zone and locale, far from
 * UTC, so expected dates do not depend on the machine and a formatter that
 * ignored the viewer's zone would be caught.
 */
export function withFixedTimeZone(zone = 'America/New_York') {
  const previousZone = Settings.defaultZone;
  const previousLocale = Settings.defaultLocale;
  beforeEach(() => {
    Settings.defaultZone = zone;
    Settings.defaultLocale = 'en-US';
  });
  afterEach(() => {
    Settings.defaultZone = previousZone;
    Settings.defaultLocale = previousLocale;
  });
}
