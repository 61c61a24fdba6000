import { CSSProperties } from 'react';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { formatPercent } from '../format';
import { LazyTooltip } from './LazyTooltip';
import { toneColor } from './ToneChip';

/** Shares of a period (summing to 1) spent in each availability state. */
export interface UptimeShares {
  up: number;
  degraded: number;
  down: number;
  noData: number;
}

/** Drawn bottom-up: healthy time at the base, reads like a fill level. */
const SEGMENTS = [
  { key: 'up', label: 'Up' },
  { key: 'degraded', label: 'Degraded' },
  { key: 'down', label: 'Down' },
  { key: 'noData', label: 'No data' },
] as const;

/**
 * 'Up 97.52%, Degraded 2.48%, Down 0%, No data 0%', with the precision of
 * every other uptime figure (formatPercent's two decimals): a bar must not
 * say 99% for a day the report counts as 99.02%.
 */
export function describeShares(shares: UptimeShares): string {
  return SEGMENTS.map(
    ({ key, label }) => `${label} ${formatPercent(shares[key])}`,
  ).join(', ');
}

/** The colour of each state, from the theme (light and dark alike). */
export function uptimePalette(
  theme: Theme,
): Record<keyof UptimeShares, string> {
  return {
    up: theme.palette.success.main,
    degraded: theme.palette.warning.main,
    down: theme.palette.error.main,
    // Grey, not a status colour: missing data is not evidence of an outage.
    noData: toneColor(theme, 'neutral'),
  };
}

/** A class per state with its colour as the background (legend swatches). */
export const useUptimeColors = makeStyles((theme: Theme) => {
  const palette = uptimePalette(theme);
  const background = (key: keyof UptimeShares) => ({
    backgroundColor: palette[key],
  });
  return {
    up: background('up'),
    degraded: background('degraded'),
    down: background('down'),
    noData: background('noData'),
  };
});

/**
 * The bar's fill, bottom-up in SEGMENTS order, each state as tall as its
 * share: one colour when one state fills the day, else a gradient with hard
 * stops. One element per bar instead of one per state: a customer report
 * draws 14 bars for each of its instances.
 */
export function uptimeFill(
  shares: UptimeShares,
  palette: Record<keyof UptimeShares, string>,
): CSSProperties {
  const present = SEGMENTS.filter(({ key }) => shares[key] > 0);
  if (present.length <= 1) {
    return { backgroundColor: palette[present[0]?.key ?? 'noData'] };
  }
  let from = 0;
  const stops = present.map(({ key }, index) => {
    // The last state runs to the top, whatever the rounding of the shares.
    const to = index === present.length - 1 ? 100 : from + shares[key] * 100;
    const stop = `${palette[key]} ${+from.toFixed(3)}% ${+to.toFixed(3)}%`;
    from = to;
    return stop;
  });
  return { backgroundImage: `linear-gradient(to top, ${stops.join(', ')})` };
}

/** The static part of a bar's look; its fill comes from `uptimeBarProps`. */
export const useUptimeBarStyles = makeStyles({
  bar: {
    flex: '1 1 0',
    minWidth: 2,
    borderRadius: 2,
  },
});

/** What a bar's tooltip says: what it covers, then its shares. */
export function uptimeBarTitle(label: string, shares: UptimeShares) {
  return (
    <>
      <strong>{label}</strong>
      <br />
      {describeShares(shares)}
    </>
  );
}

/** A bar element's fill, role and accessible name (the tooltip's text). */
export function uptimeBarProps(
  shares: UptimeShares,
  label: string,
  palette: Record<keyof UptimeShares, string>,
) {
  return {
    role: 'img',
    'aria-label': `${label}: ${describeShares(shares)}`,
    style: uptimeFill(shares, palette),
  };
}

/**
 * One vertical bar filled with its up, degraded, down and no-data shares,
 * with the shares in a tooltip and in its accessible name. A row of many
 * bars draws plain elements with `uptimeBarProps` and `useHoverTooltip`.
 */
export function UptimeBar(props: {
  shares: UptimeShares;
  /** What the bar covers, e.g. 'Nov 14 (UTC)'. */
  label: string;
  style?: CSSProperties;
}) {
  const { shares, label, style } = props;
  const classes = useUptimeBarStyles();
  const bar = uptimeBarProps(shares, label, uptimePalette(useTheme()));
  return (
    <LazyTooltip title={uptimeBarTitle(label, shares)}>
      <div
        {...bar}
        className={classes.bar}
        style={{ ...bar.style, ...style }}
      />
    </LazyTooltip>
  );
}
