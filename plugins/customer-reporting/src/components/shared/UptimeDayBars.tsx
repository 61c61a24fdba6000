import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { UptimeDay } from '@customer-reporting/plugin-customer-reporting-common';
import { DateTime } from 'luxon';
import { formatPercent } from '../format';
import { Muted } from './Muted';
import { HOVER_INDEX, useHoverTooltip } from './HoverTooltip';
import {
  uptimeBarProps,
  uptimeBarTitle,
  uptimePalette,
  useUptimeBarStyles,
} from './UptimeBar';

const dayLabels = new Map<string, string>();

/**
 * 'Nov 14 (UTC)': the backend's days are UTC days, say so. Every instance of
 * a report has the same 14 days, so each is formatted once, not per bar.
 */
function dayLabel(date: string): string {
  let label = dayLabels.get(date);
  if (label === undefined) {
    const day = DateTime.fromISO(date, { zone: 'utc' });
    label = day.isValid ? `${day.toFormat('LLL d')} (UTC)` : date;
    // A long-open page adds a day at a time; start over now and then.
    if (dayLabels.size > 1000) dayLabels.clear();
    dayLabels.set(date, label);
  }
  return label;
}

// Static classes rather than Box: Box writes a style rule for each of its
// uses, and a report has a row of bars for every instance.
const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: 6 },
  bars: { display: 'flex', height: 24, flexShrink: 0, gap: 1 },
});

/**
 * The compact per-day uptime of an instance (the report's 14 days) with the
 * overall ratio as a percentage next to it. The bars are plain elements
 * with one tooltip for all 14 (a report has a row of them per instance).
 */
export function UptimeDayBars(props: {
  days: UptimeDay[];
  ratio: number | null;
}) {
  const { days, ratio } = props;
  const classes = useStyles();
  const barClasses = useUptimeBarStyles();
  const palette = uptimePalette(useTheme());
  const { groupProps, tooltip } = useHoverTooltip(index =>
    uptimeBarTitle(dayLabel(days[index].date), days[index]),
  );
  if (days.length === 0) {
    return <Muted>No data</Muted>;
  }
  return (
    <div className={classes.row}>
      <div
        role="group"
        aria-label={`Uptime per day over the last ${days.length} days`}
        className={classes.bars}
        style={{ width: days.length * 5 }}
        {...groupProps}
      >
        {days.map((day, index) => (
          <div
            key={day.date}
            {...{ [HOVER_INDEX]: index }}
            className={barClasses.bar}
            {...uptimeBarProps(day, dayLabel(day.date), palette)}
          />
        ))}
      </div>
      {tooltip}
      <Typography variant="body2" component="span" noWrap>
        {ratio === null ? '–' : formatPercent(ratio)}
      </Typography>
    </div>
  );
}
