import { ReactNode } from 'react';
import { Theme, ThemeProvider } from '@material-ui/core/styles';
import { withContrast } from './contrast';

const AA = 4.5;

/**
 * A secondary text colour that reads at WCAG AA (4.5:1) on every background
 * of the pages: Backstage's light theme paints secondary text (labels of the
 * filter fields, hints) at rgba(0,0,0,0.54), which is 4.6:1 on a white card
 * but 4.47:1 on the grey (#f5f5f5, grey 100) behind the filter bars.
 */
function readableSecondary(theme: Theme): string {
  const { palette } = theme;
  return withContrast(
    palette.text.secondary,
    [
      palette.background.default,
      palette.background.paper,
      palette.type === 'dark' ? palette.grey[800] : palette.grey[100],
    ],
    AA,
  );
}

const unbroken = { wordBreak: 'normal', overflowWrap: 'normal' } as const;

/**
 * The app's theme with two changes for the plugin's pages:
 * - secondary text readable on the page background (see above);
 * - table cells that never break inside a word. Backstage's theme gives
 *   cells `word-break: break-word`, which splits "Linux" into "Linu x" as
 *   soon as a column is narrow; with `normal` a table grows to its longest
 *   word instead, and the card's table container scrolls sideways on
 *   narrow windows.
 */
export function readableTheme(theme: Theme): Theme {
  const cell = theme.overrides?.MuiTableCell ?? {};
  return {
    ...theme,
    palette: {
      ...theme.palette,
      text: { ...theme.palette.text, secondary: readableSecondary(theme) },
    },
    overrides: {
      ...theme.overrides,
      MuiTableCell: {
        ...cell,
        root: { ...cell.root, ...unbroken },
        head: { ...cell.head, ...unbroken },
      },
    },
  };
}

/** The plugin's pages with {@link readableTheme}. */
export function ReadableTheme(props: { children: ReactNode }) {
  return <ThemeProvider theme={readableTheme}>{props.children}</ThemeProvider>;
}
