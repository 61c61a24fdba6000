import { getContrastRatio } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import { readableTheme } from './ReadableTheme';
import { withContrast } from './contrast';

describe('readableTheme', () => {
  it.each([
    ['light', lightTheme],
    ['dark', darkTheme],
  ])(
    'makes secondary text of the %s theme readable on the page background',
    (_name, theme) => {
      const readable = readableTheme(theme);
      const { palette } = readable;
      for (const background of [
        palette.background.default,
        palette.background.paper,
        palette.type === 'dark' ? palette.grey[800] : palette.grey[100],
      ]) {
        expect(
          getContrastRatio(palette.text.secondary, background),
        ).toBeGreaterThanOrEqual(4.5);
      }
      // Nothing else of the palette changes.
      expect(readable.palette.text.primary).toBe(theme.palette.text.primary);
      expect(readable.palette.background).toBe(theme.palette.background);
      // Table cells break between words only.
      for (const cell of ['root', 'head'] as const) {
        expect(readable.overrides?.MuiTableCell?.[cell]).toMatchObject({
          wordBreak: 'normal',
          overflowWrap: 'normal',
        });
      }
    },
  );

  it('keeps a theme that already reads well', () => {
    const theme = {
      ...lightTheme,
      palette: {
        ...lightTheme.palette,
        text: { ...lightTheme.palette.text, secondary: '#444444' },
      },
    };
    expect(readableTheme(theme).palette.text.secondary).toBe('#444444');
  });
});

describe('withContrast', () => {
  it('darkens a colour until it reads on a light background', () => {
    // The default warning orange is 2.2:1 on white.
    const orange = withContrast('#ff9800', ['#ffffff'], 4.5);
    expect(getContrastRatio(orange, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('lightens on a dark background and keeps readable colours', () => {
    const blue = withContrast('#1565c0', ['#303030'], 4.5);
    expect(getContrastRatio(blue, '#303030')).toBeGreaterThanOrEqual(4.5);
    expect(withContrast('#1b5e20', ['#ffffff'], 4.5)).toBe('#1b5e20');
  });
});
