import { useCallback } from 'react';
import Box from '@material-ui/core/Box';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { InstanceDetails } from '@customer-reporting/plugin-customer-reporting-common';
import { formatDuration } from '../format';
import {
  AppStatusChip,
  DataCard,
  DateTimeText,
  DefinitionList,
  Muted,
  ToneChip,
} from '../shared';
import { ArchiveInstanceButton } from './ArchiveInstanceButton';
import { useInstanceDetails } from './InstanceDetailsProvider';

const useStyles = makeStyles((theme: Theme) => ({
  inactive: { color: theme.palette.error.main },
}));

function versionsBehind(count: number | null) {
  if (count === null) return <Muted>Unknown release</Muted>;
  if (count === 0) return 'Latest';
  return `${count} ${count === 1 ? 'release' : 'releases'} behind`;
}

function VersionAge(props: { insights: InstanceDetails['insights'] }) {
  const { versionAgeSeconds, relativeVersionAgeDays } = props.insights;
  if (versionAgeSeconds === null) {
    return <Muted>Unknown release</Muted>;
  }
  return (
    <>
      {formatDuration(versionAgeSeconds)} since release
      {relativeVersionAgeDays !== null && relativeVersionAgeDays > 0 && (
        <Muted>
          {' '}
          ({relativeVersionAgeDays}{' '}
          {relativeVersionAgeDays === 1 ? 'day' : 'days'} older than the latest)
        </Muted>
      )}
    </>
  );
}

/**
 * What the instance is doing now: status, running version and how far it is
 * behind, and when it last checked in; and "Archive instance" (or
 * "Unarchive instance") for users who may, which reloads the details.
 *
 * @public
 */
export function CurrentStateCard() {
  const details = useInstanceDetails();
  const classes = useStyles();
  const { retry, loading } = details;
  const reload = useCallback(() => retry?.(), [retry]);
  return (
    <DataCard title="Current state" state={details}>
      {({ instance, insights, customer }) => (
        <>
          <DefinitionList
            items={[
              {
                label: 'Status',
                value: (
                  <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
                    <AppStatusChip status={instance.status} />
                    {instance.airgap && (
                      <ToneChip label="Air gap" tone="info" />
                    )}
                    {instance.archived && (
                      <ToneChip label="Archived" tone="neutral" />
                    )}
                  </Box>
                ),
              },
              {
                label: 'Version',
                value: instance.appVersion ?? <Muted>Unknown</Muted>,
              },
              {
                label: 'Versions behind',
                value: versionsBehind(insights.versionsBehind),
              },
              {
                label: 'Version age',
                value: <VersionAge insights={insights} />,
              },
              {
                label: 'Last check-in',
                value: instance.active ? (
                  <DateTimeText
                    iso={instance.lastCheckInAt}
                    variant="relative"
                  />
                ) : (
                  <span className={classes.inactive}>
                    <DateTimeText
                      iso={instance.lastCheckInAt}
                      variant="relative"
                    />{' '}
                    · Inactive
                  </span>
                ),
              },
            ]}
          />
          <ArchiveInstanceButton
            instance={instance}
            customer={customer}
            onChanged={reload}
            reloading={loading}
          />
        </>
      )}
    </DataCard>
  );
}
