import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { DateTime } from 'luxon';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef, InstallAttemptFilters } from '../../api';
import type { InstallAttemptTrend } from '@customer-reporting/plugin-customer-reporting-common';
import { formatPercent } from '../format';
import { DataCard, LazyTooltip, Muted } from '../shared';
import { plural } from './labels';

type Week = InstallAttemptTrend['weeks'][number];

const CHART_HEIGHT = 140;

const useStyles = makeStyles((theme: Theme) => ({
  chart: {
    display: 'flex',
    alignItems: 'flex-end',
    height: CHART_HEIGHT,
    gap: 2,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  week: {
    position: 'relative',
    flex: '1 1 0',
    minWidth: 3,
    height: '100%',
    display: 'flex',
    flexDirection: 'column-reverse',
  },
  // Succeeded at the base, the rest of the week's attempts above it.
  succeeded: { backgroundColor: theme.palette.success.main },
  other: {
    backgroundColor:
      theme.palette.type === 'dark'
        ? theme.palette.grey[600]
        : theme.palette.grey[400],
  },
  // The success rate on its own 0–100% scale, as a dot per week.
  rate: {
    position: 'absolute',
    left: '50%',
    width: 7,
    height: 7,
    marginLeft: -3.5,
    marginBottom: -3.5,
    borderRadius: '50%',
    backgroundColor: theme.palette.primary.main,
    border: `1px solid ${theme.palette.background.paper}`,
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    marginRight: 4,
    borderRadius: 2,
    verticalAlign: 'middle',
  },
  rateSwatch: {
    borderRadius: '50%',
    backgroundColor: theme.palette.primary.main,
  },
  scale: {
    display: 'flex',
    justifyContent: 'space-between',
    marginBottom: theme.spacing(0.5),
  },
  weeks: {
    display: 'flex',
    justifyContent: 'space-between',
    marginTop: theme.spacing(0.5),
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: 16,
    marginTop: theme.spacing(1),
  },
}));

/** 'Week of Jun 9, 2025 (UTC)': the backend's weeks start Monday UTC. */
function weekLabel(weekStart: string): string {
  const day = DateTime.fromISO(weekStart, { zone: 'utc' });
  return day.isValid
    ? `Week of ${day.toFormat('LLL d, yyyy')} (UTC)`
    : weekStart;
}

function describe(week: Week): string {
  const rate =
    week.successRate === null
      ? 'no decided attempts'
      : `success rate ${formatPercent(week.successRate, 1)}`;
  return `${weekLabel(week.weekStart)}: ${plural(week.attempts, 'attempt')}, ${
    week.succeeded
  } succeeded, ${rate}`;
}

/** Attempts per week as bars (succeeded part in green), success rate as dots. */
export function TrendCard(props: { filters: InstallAttemptFilters }) {
  const { filters } = props;
  const api = useApi(customerReportingApiRef);
  const classes = useStyles();
  const state = useAsyncRetry(
    () => api.getInstallAttemptTrend(filters),
    [api, filters],
  );
  return (
    <DataCard
      title="Weekly trend"
      subheader="Attempts started per week"
      state={state}
    >
      {({ weeks }) => {
        if (weeks.every(w => w.attempts === 0)) {
          return <Muted>No install attempts match these filters</Muted>;
        }
        const max = Math.max(...weeks.map(w => w.attempts));
        return (
          <>
            <div className={classes.scale}>
              <Typography variant="caption" color="textSecondary">
                Max {max} per week
              </Typography>
              <Typography variant="caption" color="textSecondary">
                Success rate 0–100%
              </Typography>
            </div>
            <div
              role="group"
              aria-label={`Attempts in ${plural(weeks.length, 'week')}`}
              className={classes.chart}
            >
              {weeks.map(week => (
                <LazyTooltip key={week.weekStart} title={describe(week)}>
                  <div
                    role="img"
                    aria-label={describe(week)}
                    className={classes.week}
                  >
                    <div
                      className={classes.succeeded}
                      style={{ height: `${(week.succeeded / max) * 100}%` }}
                    />
                    <div
                      className={classes.other}
                      style={{
                        height: `${
                          ((week.attempts - week.succeeded) / max) * 100
                        }%`,
                      }}
                    />
                    {week.successRate !== null && (
                      <span
                        className={classes.rate}
                        style={{ bottom: `${week.successRate * 100}%` }}
                      />
                    )}
                  </div>
                </LazyTooltip>
              ))}
            </div>
            <div className={classes.weeks}>
              <Typography variant="caption" color="textSecondary">
                {weekLabel(weeks[0].weekStart)}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {weekLabel(weeks[weeks.length - 1].weekStart)}
              </Typography>
            </div>
            <div className={classes.legend}>
              <Typography variant="caption">
                <span className={`${classes.swatch} ${classes.succeeded}`} />
                Succeeded
              </Typography>
              <Typography variant="caption">
                <span className={`${classes.swatch} ${classes.other}`} />
                Other attempts
              </Typography>
              <Typography variant="caption">
                <span className={`${classes.swatch} ${classes.rateSwatch}`} />
                Success rate
              </Typography>
            </div>
          </>
        );
      }}
    </DataCard>
  );
}
