import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef, InstallAttemptFilters } from '../../api';
import { DataCard, DateTimeText, Muted, ToneChip } from '../shared';
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
      {({ items }) =>
        items.length === 0 ? (
          <Typography component="div" style={{ padding: 16 }}>
            <Muted>No failed or stalled attempts match these filters</Muted>
          </Typography>
        ) : (
          <Table
            size="small"
            aria-label="Failure groups"
            className={classes.table}
          >
            <TableHead>
              <TableRow>
                {COLUMNS.map(c => (
                  <TableCell key={c}>{c}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map(group => {
                const status = ATTEMPT_STATUS_DISPLAY[group.status];
                return (
                  <TableRow
                    key={`${group.status}|${group.step}|${group.reason}`}
                  >
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
              })}
            </TableBody>
          </Table>
        )
      }
    </DataCard>
  );
}
