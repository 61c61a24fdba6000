import { ReactElement } from 'react';
import Chip from '@material-ui/core/Chip';
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

// Palette colours (not fixed hex values) so light and dark themes both work;
// the text colour follows the background for contrast.
const useStyles = makeStyles<Theme, { tone: Tone }>(theme => ({
  chip: ({ tone }) => ({
    backgroundColor: toneColor(theme, tone),
    color: readableTextColor(toneColor(theme, tone)),
    fontWeight: theme.typography.fontWeightMedium as number,
    margin: 0,
  }),
  icon: ({ tone }) => ({
    color: readableTextColor(toneColor(theme, tone)),
  }),
}));

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
  const classes = useStyles({ tone });
  return (
    <Chip
      size="small"
      label={label}
      icon={icon}
      role="img"
      aria-label={ariaLabel ?? label}
      classes={{ root: classes.chip, icon: classes.icon }}
    />
  );
}
