import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { UptimeDay } from '@customer-reporting/plugin-customer-reporting-common';
import { DateTime } from 'luxon';
import { formatPercent } from '../format';
import { Muted } from './Muted';
import { UptimeBar } from './UptimeBar';

/** 'Nov 14 (UTC)': the backend's days are UTC days, say so. */
function dayLabel(date: string): string {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  return day.isValid ? `${day.toFormat('LLL d')} (UTC)` : date;
}

/**
 * The compact per-day uptime of an instance (the report's 14 days) with the
 * overall ratio as a percentage next to it.
 */
export function UptimeDayBars(props: {
  days: UptimeDay[];
  ratio: number | null;
}) {
  const { days, ratio } = props;
  if (days.length === 0) {
    return <Muted>No data</Muted>;
  }
  return (
    <Box display="flex" alignItems="center" style={{ gap: 6 }}>
      <Box
        role="group"
        aria-label={`Uptime per day over the last ${days.length} days`}
        display="flex"
        height={24}
        width={days.length * 5}
        flexShrink={0}
        style={{ gap: 1 }}
      >
        {days.map(day => (
          <UptimeBar key={day.date} shares={day} label={dayLabel(day.date)} />
        ))}
      </Box>
      <Typography variant="body2" component="span" noWrap>
        {ratio === null ? '–' : formatPercent(ratio)}
      </Typography>
    </Box>
  );
}
