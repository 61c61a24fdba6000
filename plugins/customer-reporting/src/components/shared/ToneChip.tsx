import { ReactElement } from 'react';
import Chip from '@material-ui/core/Chip';
import { CSSProperties } from '@material-ui/core/styles/withStyles';
import {
  darken,
  getContrastRatio,
  makeStyles,
  Theme,
} from '@material-ui/core/styles';

/**
 * Meaning of a chip's colour; mapped to the theme palette. `critical` is
 * worse than `error` (a darker red), for the least available status next to
 * the second least, which would otherwise share one red in the charts.
 */
export type Tone =
  | 'success'
  | 'warning'
  | 'error'
  | 'critical'
  | 'info'
  | 'neutral';

export function toneColor(theme: Theme, tone: Tone): string {
  // Half way to black: the palette's error.dark is only 1.35:1 from
  // error.main, too close to tell apart in adjacent chart segments.
  if (tone === 'critical') return darken(theme.palette.error.main, 0.5);
  if (tone === 'neutral') {
    return theme.palette.type === 'dark'
      ? theme.palette.grey[700]
      : theme.palette.grey[300];
  }
  return theme.palette[tone].main;
}

/**
 * White or near-black text, whichever is readable on `background` by WCAG
 * AA (4.5:1). MUI's getContrastText settles for 3:1, which leaves white on
 * the default info blue (3.1:1) unreadable for some users.
 */
export function readableTextColor(background: string): string {
  return getContrastRatio(background, '#fff') >= 4.5
    ? '#fff'
    : 'rgba(0, 0, 0, 0.87)';
}

const TONES: readonly Tone[] = [
  'success',
  'warning',
  'error',
  'critical',
  'info',
  'neutral',
];

// Palette colours (not fixed hex values) so light and dark themes both work;
// the text colour follows the background for contrast. One static class per
// tone rather than a style function of the tone: a function makes JSS write
// a rule for every chip on the page, and tables show one in every row.
const useStyles = makeStyles((theme: Theme) => {
  const rules: Record<string, CSSProperties> = {};
  for (const tone of TONES) {
    const background = toneColor(theme, tone);
    const color = readableTextColor(background);
    rules[tone] = {
      backgroundColor: background,
      color,
      fontWeight: theme.typography.fontWeightMedium as number,
      margin: 0,
    };
    rules[`${tone}Icon`] = { color };
  }
  return rules;
});

/**
 * A small coloured label. role="img" with an aria-label gives screen readers
 * the full meaning ('Status: Degraded') that sighted users get from colour
 * and context.
 */
export function ToneChip(props: {
  label: string;
  tone: Tone;
  /** Spoken label; defaults to the visible one. */
  ariaLabel?: string;
  icon?: ReactElement;
}) {
  const { label, tone, ariaLabel, icon } = props;
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={label}
      icon={icon}
      role="img"
      aria-label={ariaLabel ?? label}
      classes={{ root: classes[tone], icon: classes[`${tone}Icon`] }}
    />
  );
}
