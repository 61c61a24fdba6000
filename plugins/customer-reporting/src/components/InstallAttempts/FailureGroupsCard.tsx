import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef, InstallAttemptFilters } from '../../api';
import { CardTable, DataCard, DateTimeText, Muted, ToneChip } from '../shared';
import { ATTEMPT_STATUS_DISPLAY, stepLabel } from './labels';
import { useTableStyles } from './tableStyles';

const COLUMNS = [
  'Status',
  'Step',
  'Reason',
  'Attempts',
  'Customers',
  'First seen',
  'Last seen',
];

/**
 * Failed attempts grouped by step and normalised reason, stalled ones by
 * the step they stopped at; largest groups first (the backend's order).
 */
export function FailureGroupsCard(props: { filters: InstallAttemptFilters }) {
  const { filters } = props;
  const classes = useTableStyles();
  const api = useApi(customerReportingApiRef);
  const state = useAsyncRetry(
    () => api.getInstallAttemptFailureGroups(filters),
    [api, filters],
  );
  return (
    <DataCard
      title="Failure groups"
      subheader="Failed attempts by step and reason, stalled ones by step"
      state={state}
      noPadding
    >
      {({ items }) => (
        <CardTable
          label="Failure groups"
          columns={COLUMNS}
          empty="No failed or stalled attempts match these filters"
          className={classes.table}
          rows={items}
        >
          {group => {
            const status = ATTEMPT_STATUS_DISPLAY[group.status];
            return (
              <TableRow key={`${group.status}|${group.step}|${group.reason}`}>
                <TableCell>
                  <ToneChip label={status.label} tone={status.tone} />
                </TableCell>
                <TableCell>{stepLabel(group.step)}</TableCell>
                {/* The normalised text groups; an example shows a real one. */}
                <TableCell
                  title={group.exampleReason ?? undefined}
                  className={classes.wrap}
                >
                  {group.reason ?? <Muted>No reason reported</Muted>}
                </TableCell>
                <TableCell>{group.count}</TableCell>
                <TableCell>{group.customers}</TableCell>
                <TableCell>
                  <DateTimeText iso={group.firstSeenAt} />
                </TableCell>
                <TableCell>
                  <DateTimeText iso={group.lastSeenAt} />
                </TableCell>
              </TableRow>
            );
          }}
        </CardTable>
      )}
    </DataCard>
  );
}
