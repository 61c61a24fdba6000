import { makeStyles, Theme } from '@material-ui/core/styles';
import {
  APP_STATUSES,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { APP_STATUS_DISPLAY, AppStatusChip, Muted } from '../shared';

/** Most available first, as one reads "2 ready · 1 missing". */
const COUNT_ORDER = [...APP_STATUSES].reverse();

/** "2 ready · 1 missing": the statuses of the active and air gap instances. */
export function statusCountsText(
  counts: CustomerSummary['statusCounts'],
): string {
  return COUNT_ORDER.filter(status => counts[status] > 0)
    .map(
      // A no-break space keeps each count with its status when the line wraps.
      status =>
        `${counts[status]}\u00a0${APP_STATUS_DISPLAY[
          status
        ].label.toLowerCase()}`,
    )
    .join(' · ');
}

// A static class rather than Box, which writes a style rule for each use.
const useStyles = makeStyles((theme: Theme) => ({
  counts: { marginTop: theme.spacing(0.5) },
}));

/**
 * The customer's health: a chip with the worst status of its active and air
 * gap instances, so one missing instance among ready ones shows, and the
 * count per status below it. No active instance is not an error state.
 */
export function CustomerHealth(props: { row: CustomerSummary }) {
  const { status, statusCounts, active } = props.row;
  const classes = useStyles();
  if (status === null) {
    // Active instances that never reported a status are not "no instance".
    return (
      <Muted>{active ? 'No status reported' : 'No active instance'}</Muted>
    );
  }
  return (
    <>
      <AppStatusChip status={status} />
      <div className={classes.counts}>
        <Muted>{statusCountsText(statusCounts)}</Muted>
      </div>
    </>
  );
}
