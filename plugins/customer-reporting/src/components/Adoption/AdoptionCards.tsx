import Grid from '@material-ui/core/Grid';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { AppAdoption } from '@customer-reporting/plugin-customer-reporting-common';
import { formatPercent, formatUtcDateTime } from '../format';
import { EmptyState } from '@backstage/core-components';
import { AsyncValue, CardTable, DataCard, hasStatus, Muted } from '../shared';
import {
  describeShares,
  formatDays,
  shareBars,
  statusBars,
  utcDate,
} from './adoptionSeries';
import { StackedBarChart } from './StackedBarChart';

const hasActive = (adoption: AppAdoption) =>
  adoption.points.some(p => p.activeInstances > 0);

function NoActiveInstances(props: { adoption: AppAdoption }) {
  return (
    <Muted>No active instances of {props.adoption.appSlug} in this range</Muted>
  );
}

const lastPoint = (adoption: AppAdoption) =>
  adoption.points[adoption.points.length - 1];

/** Share of the active instances on the latest release, 1, 2 and 3+ behind. */
export function VersionSharesCard(props: { state: AsyncValue<AppAdoption> }) {
  return (
    <DataCard
      title="Versions behind latest"
      subheader="Share of active instances, judged at the end of each period (UTC)"
      state={props.state}
    >
      {adoption =>
        hasActive(adoption) ? (
          <StackedBarChart
            title="Share of active instances by versions behind"
            bars={shareBars(adoption)}
            scale="share"
            summary={`latest period: ${describeShares(lastPoint(adoption))}`}
            format={value => formatPercent(value, 1)}
          />
        ) : (
          <NoActiveInstances adoption={adoption} />
        )
      }
    </DataCard>
  );
}

/** Active instances by status over time. */
export function InstanceStatusCard(props: { state: AsyncValue<AppAdoption> }) {
  return (
    <DataCard
      title="Active instances by status"
      subheader="Air gap instances are counted apart and not shown"
      state={props.state}
    >
      {adoption => {
        const last = lastPoint(adoption);
        return hasActive(adoption) ? (
          <StackedBarChart
            title="Active instances by status"
            bars={statusBars(adoption)}
            scale="count"
            summary={`latest period: ${last.activeInstances} active, ${last.statusCounts.ready} ready`}
            format={value => String(value)}
          />
        ) : (
          <NoActiveInstances adoption={adoption} />
        );
      }}
    </DataCard>
  );
}

/** Days from each release's promotion until half of the active instances ran it. */
export function DaysToHalfCard(props: { state: AsyncValue<AppAdoption> }) {
  const { state } = props;
  return (
    <DataCard
      title="Days to half adoption"
      subheader={
        state.value
          ? `Median ${
              state.value.medianDaysToHalf === null
                ? '–'
                : formatDays(state.value.medianDaysToHalf)
            } over the releases promoted in this range`
          : undefined
      }
      state={state}
      noPadding
    >
      {adoption => (
        <CardTable
          label="Days to half adoption per release"
          columns={[
            'Release',
            'Channel',
            'Promoted (UTC)',
            'Half reached (UTC)',
            'Days',
          ]}
          empty="No release was promoted in this range"
          rows={adoption.releases}
        >
          {release => (
            <TableRow key={`${release.channelSlug}/${release.sequence}`}>
              <TableCell>{release.versionLabel}</TableCell>
              <TableCell>{release.channelSlug}</TableCell>
              <TableCell>
                <span title={formatUtcDateTime(release.promotedAt)}>
                  {utcDate(release.promotedAt)}
                </span>
              </TableCell>
              <TableCell>
                {release.halfReachedAt ? (
                  utcDate(release.halfReachedAt)
                ) : (
                  <Muted>Not yet</Muted>
                )}
              </TableCell>
              <TableCell>
                {release.daysToHalf === null
                  ? '–'
                  : formatDays(release.daysToHalf)}
              </TableCell>
            </TableRow>
          )}
        </CardTable>
      )}
    </DataCard>
  );
}

/**
 * The three cards of the Adoption tab, or one state when the backend knows
 * no such app or channel: an address from a bookmark or another page may be
 * mistyped or out of date, which is no failure to retry three times.
 */
export function AdoptionCardGrid(props: { state: AsyncValue<AppAdoption> }) {
  const { state } = props;
  if (hasStatus(state.error, 404)) {
    return (
      <Grid item xs={12}>
        <EmptyState
          missing="data"
          title="No such app or channel"
          description={`The backend answered "${state.error.cause.message}": the link may be mistyped or out of date. Pick an app and channel above.`}
        />
      </Grid>
    );
  }
  return (
    <>
      <Grid item xs={12} lg={6}>
        <VersionSharesCard state={state} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <InstanceStatusCard state={state} />
      </Grid>
      <Grid item xs={12}>
        <DaysToHalfCard state={state} />
      </Grid>
    </>
  );
}
