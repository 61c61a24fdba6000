import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef, InstallAttemptFilters } from '../../api';
import type { InstallAttemptSummary } from '@customer-reporting/plugin-customer-reporting-common';
import { formatDuration, formatPercent } from '../format';
import { DataCard, Muted, withContrast } from '../shared';

function readable(theme: Theme, tone: NonNullable<Tile['color']>) {
  return withContrast(
    theme.palette[tone].main,
    [theme.palette.background.paper],
    4.5,
  );
}

const useStyles = makeStyles((theme: Theme) => ({
  tiles: {
    display: 'grid',
    // As many tiles per row as fit: all eight at 1280 px, fewer on narrow.
    gridTemplateColumns: 'repeat(auto-fit, minmax(104px, 1fr))',
    gap: theme.spacing(1.5),
    margin: 0,
  },
  tile: {
    margin: 0,
    padding: theme.spacing(1),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
  },
  // One line: '1 h 30 min' broken over two reads as two numbers.
  value: { margin: 0, whiteSpace: 'nowrap', ...theme.typography.h6 },
  discarded: { marginTop: theme.spacing(1) },
  // Status colours as text, darkened where the palette's are too light to
  // read on the card (orange on white is 2.2:1).
  success: { color: readable(theme, 'success') },
  error: { color: readable(theme, 'error') },
  warning: { color: readable(theme, 'warning') },
  info: { color: readable(theme, 'info') },
}));

interface Tile {
  label: string;
  value: string;
  color?: 'success' | 'error' | 'warning' | 'info';
}

function tiles(summary: InstallAttemptSummary): Tile[] {
  const duration = (s: number | null) => (s === null ? '–' : formatDuration(s));
  return [
    { label: 'Attempts', value: String(summary.total) },
    {
      label: 'Success rate',
      value:
        summary.successRate === null
          ? '–'
          : formatPercent(summary.successRate, 1),
    },
    { label: 'Succeeded', value: String(summary.succeeded), color: 'success' },
    { label: 'Failed', value: String(summary.failed), color: 'error' },
    { label: 'Stalled', value: String(summary.stalled), color: 'warning' },
    { label: 'In progress', value: String(summary.inProgress), color: 'info' },
    {
      label: 'Median duration',
      value: duration(summary.medianDurationSeconds),
    },
    { label: 'P90 duration', value: duration(summary.p90DurationSeconds) },
  ];
}

/**
 * Counts per status, success rate (succeeded of the decided attempts) and
 * the median and p90 duration of succeeded attempts, as tiles.
 */
export function SummaryCard(props: { filters: InstallAttemptFilters }) {
  const { filters } = props;
  const api = useApi(customerReportingApiRef);
  const classes = useStyles();
  const state = useAsyncRetry(
    () => api.getInstallAttemptSummary(filters),
    [api, filters],
  );

  return (
    <DataCard title="Summary" state={state}>
      {summary =>
        summary.total === 0 ? (
          <Muted>No install attempts match these filters</Muted>
        ) : (
          <>
            {/* A <dl> so each number is read with its label. */}
            <dl className={classes.tiles} aria-label="Install attempt summary">
              {tiles(summary).map(tile => (
                <div key={tile.label} className={classes.tile}>
                  <Typography
                    component="dt"
                    variant="body2"
                    color="textSecondary"
                  >
                    {tile.label}
                  </Typography>
                  <dd
                    className={`${classes.value} ${
                      tile.color ? classes[tile.color] : ''
                    }`}
                  >
                    {tile.value}
                  </dd>
                </div>
              ))}
            </dl>
            {summary.discarded > 0 && (
              <div className={classes.discarded}>
                <Muted>{summary.discarded} discarded</Muted>
              </div>
            )}
          </>
        )
      }
    </DataCard>
  );
}
