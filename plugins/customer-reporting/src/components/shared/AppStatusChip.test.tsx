import { getContrastRatio } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import { APP_STATUSES } from '@customer-reporting/plugin-customer-reporting-common';
import { APP_STATUS_DISPLAY } from './AppStatusChip';
import { readableTextColor, toneColor } from './ToneChip';

describe('APP_STATUS_DISPLAY', () => {
  it.each([
    ['light', lightTheme],
    ['dark', darkTheme],
  ])(
    'gives every status its own colour in the %s theme, with readable chip text',
    (_name, theme) => {
      const colors = APP_STATUSES.map(s =>
        toneColor(theme, APP_STATUS_DISPLAY[s].tone),
      );
      expect(new Set(colors).size).toBe(APP_STATUSES.length);
      // Unavailable and Missing are stacked next to each other in the
      // adoption chart: they differ in lightness, not only a shade of hue.
      expect(
        getContrastRatio(
          toneColor(theme, APP_STATUS_DISPLAY.unavailable.tone),
          toneColor(theme, APP_STATUS_DISPLAY.missing.tone),
        ),
      ).toBeGreaterThanOrEqual(2);
      for (const color of colors)
        expect(
          getContrastRatio(color, readableTextColor(color)),
        ).toBeGreaterThanOrEqual(4.5);
    },
  );
});
