import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { InstanceUptime } from '@customer-reporting/plugin-customer-reporting-common';
import { formatLocalDateTime } from '../format';
import { DateTimeText, UptimeBar, useUptimeColors } from '../shared';

const BAR_HEIGHT = 120;

const useStyles = makeStyles((theme: Theme) => ({
  columns: { display: 'flex', gap: 2, alignItems: 'flex-end' },
  column: {
    display: 'flex',
    flexDirection: 'column',
    flex: '1 1 0',
    minWidth: 0,
  },
  marker: {
    height: 18,
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'center',
    fontSize: theme.typography.caption.fontSize,
    lineHeight: 1,
    color: theme.palette.text.secondary,
  },
  axis: {
    display: 'flex',
    justifyContent: 'space-between',
    marginTop: theme.spacing(0.5),
    color: theme.palette.text.secondary,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: 2,
    marginRight: theme.spacing(0.5),
  },
}));

type Bucket = InstanceUptime['buckets'][number];

/** 'Nov 25, 2026, 7:00 PM – Nov 25, 2026, 8:00 PM', in local time. */
function bucketLabel(bucket: Bucket): string {
  return `${formatLocalDateTime(bucket.start)} – ${formatLocalDateTime(
    bucket.end,
  )}`;
}

function eventsText(count: number): string {
  return `${count} ${count === 1 ? 'event' : 'events'}`;
}

/** Colour key under the graph. */
function Legend() {
  const classes = useStyles();
  const colors = useUptimeColors();
  const entries = [
    [colors.up, 'Up'],
    [colors.degraded, 'Degraded'],
    [colors.down, 'Down'],
    [colors.noData, 'No data'],
  ];
  return (
    <Box className={classes.legend} aria-hidden>
      {entries.map(([className, label]) => (
        <Typography variant="caption" key={label}>
          <span className={`${classes.swatch} ${className}`} />
          {label}
        </Typography>
      ))}
    </Box>
  );
}

/**
 * A bar per bucket of the range, split into up, degraded, down and no data,
 * with the number of change events of the bucket above its bar.
 */
export function UptimeGraph(props: { buckets: Bucket[] }) {
  const { buckets } = props;
  const classes = useStyles();
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  return (
    <>
      <div
        className={classes.columns}
        role="group"
        aria-label={`Uptime in ${buckets.length} periods`}
      >
        {buckets.map(bucket => (
          <div className={classes.column} key={bucket.start}>
            <div className={classes.marker} aria-hidden>
              {bucket.events > 0 ? bucket.events : ''}
            </div>
            <UptimeBar
              shares={bucket}
              label={
                bucket.events > 0
                  ? `${bucketLabel(bucket)} (${eventsText(bucket.events)})`
                  : bucketLabel(bucket)
              }
              style={{ height: BAR_HEIGHT, flex: 'none' }}
            />
          </div>
        ))}
      </div>
      <Typography variant="caption" component="div" className={classes.axis}>
        <DateTimeText iso={first.start} />
        <DateTimeText iso={last.end} />
      </Typography>
      <Legend />
    </>
  );
}
