import { ReactElement } from 'react';
import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';

/** Meaning of a chip's colour; mapped to the theme palette. */
export type Tone = 'success' | 'warning' | 'error' | 'info' | 'neutral';

export function toneColor(theme: Theme, tone: Tone): string {
  if (tone === 'neutral') {
    return theme.palette.type === 'dark'
      ? theme.palette.grey[700]
      : theme.palette.grey[300];
  }
  return theme.palette[tone].main;
}

// Palette colours (not fixed hex values) so light and dark themes both work;
// the text colour follows the background for contrast.
const useStyles = makeStyles<Theme, { tone: Tone }>(theme => ({
  chip: ({ tone }) => ({
    backgroundColor: toneColor(theme, tone),
    color: theme.palette.getContrastText(toneColor(theme, tone)),
    fontWeight: theme.typography.fontWeightMedium as number,
    margin: 0,
  }),
  icon: ({ tone }) => ({
    color: theme.palette.getContrastText(toneColor(theme, tone)),
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
