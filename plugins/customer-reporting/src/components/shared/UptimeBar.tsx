import { CSSProperties } from 'react';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { formatPercent } from '../format';
import { LazyTooltip } from './LazyTooltip';

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

export const useUptimeColors = makeStyles((theme: Theme) => ({
  up: { backgroundColor: theme.palette.success.main },
  degraded: { backgroundColor: theme.palette.warning.main },
  down: { backgroundColor: theme.palette.error.main },
  // Grey, not a status colour: missing data is not evidence of an outage.
  noData: {
    backgroundColor:
      theme.palette.type === 'dark'
        ? theme.palette.grey[700]
        : theme.palette.grey[300],
  },
}));

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column-reverse',
    flex: '1 1 0',
    minWidth: 2,
    borderRadius: 2,
    overflow: 'hidden',
  },
});

/**
 * One vertical bar split into up, degraded, down and no-data segments, with
 * the shares in a tooltip and in its accessible name.
 */
export function UptimeBar(props: {
  shares: UptimeShares;
  /** What the bar covers, e.g. 'Nov 14 (UTC)'. */
  label: string;
  style?: CSSProperties;
}) {
  const { shares, label, style } = props;
  const classes = useStyles();
  const colors = useUptimeColors();
  const description = describeShares(shares);
  return (
    <LazyTooltip
      title={
        <>
          <strong>{label}</strong>
          <br />
          {description}
        </>
      }
    >
      <div
        role="img"
        aria-label={`${label}: ${description}`}
        className={classes.bar}
        style={style}
      >
        {SEGMENTS.map(({ key }) =>
          shares[key] > 0 ? (
            <div
              key={key}
              className={colors[key]}
              style={{ height: `${shares[key] * 100}%` }}
            />
          ) : null,
        )}
      </div>
    </LazyTooltip>
  );
}
