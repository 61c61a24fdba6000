import { getContrastRatio } from '@material-ui/core/styles';
import { lightTheme, darkTheme } from '@backstage/theme';
import { readableTextColor } from './ToneChip';

describe('readableTextColor', () => {
  it.each([
    ['light', lightTheme],
    ['dark', darkTheme],
  ])(
    'gives every tone of the %s theme text with a 4.5:1 contrast',
    (_name, theme) => {
      for (const tone of ['success', 'warning', 'error', 'info'] as const) {
        const background = theme.palette[tone].main;
        expect(
          getContrastRatio(background, readableTextColor(background)),
        ).toBeGreaterThanOrEqual(4.5);
      }
    },
  );

  it('keeps white text where it is readable', () => {
    expect(readableTextColor('#1b5e20')).toBe('#fff');
    // White on the default info blue is only 3.1:1.
    expect(readableTextColor('#2196f3')).toBe('rgba(0, 0, 0, 0.87)');
  });
});
