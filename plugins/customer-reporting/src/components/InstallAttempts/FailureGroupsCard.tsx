import Link from '@material-ui/core/Link';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { MouseEvent } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef, InstallAttemptFilters } from '../../api';
import type { InstallAttemptFailureGroups } from '@customer-reporting/plugin-customer-reporting-common';
import {
  CardTable,
  ColumnSpec,
  DataCard,
  DateTimeText,
  foldedUnder,
  Muted,
  rowCells,
  ToneChip,
} from '../shared';
import { ATTEMPT_STATUS_DISPLAY, stepLabel } from './labels';
import { useTableStyles } from './tableStyles';

/**
 * Narrow windows keep the status, step, reason and attempt count as
 * columns, and the customer count under the attempt count (the group's
 * attempt list names customers but does not count them); choosing a group
 * lists its attempts with their dates, sortable, for the first and last.
 */
const COLUMNS = [
  { key: 'status', label: 'Status' },
  { key: 'step', label: 'Step' },
  { key: 'reason', label: 'Reason' },
  { key: 'attempts', label: 'Attempts' },
  { key: 'customers', label: 'Customers', ...foldedUnder('attempts') },
  { key: 'firstSeen', label: 'First seen', wideOnly: true },
  { key: 'lastSeen', label: 'Last seen', wideOnly: true },
] as const satisfies readonly ColumnSpec[];

type FailureGroup = InstallAttemptFailureGroups['items'][0];

/**
 * What a group's reason reads as: a reason as reported (the group's
 * example), not the grouping key with its masks ("x<n>: …", lower case).
 */
export function groupReasonText(group: FailureGroup): string | null {
  if (group.status === 'stalled') return 'Stopped here without an outcome';
  return group.exampleReason ?? group.reason;
}

/**
 * Failed attempts grouped by step and normalised reason, stalled ones by
 * the step they stopped at; largest groups first (the backend's order).
 * Choosing a group filters the page to its attempts.
 */
export function FailureGroupsCard(props: {
  filters: InstallAttemptFilters;
  onSelect: (group: FailureGroup) => void;
}) {
  const { filters, onSelect } = props;
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
          {(group, _index, columns) => {
            const status = ATTEMPT_STATUS_DISPLAY[group.status];
            const reason = groupReasonText(group);
            return (
              <TableRow
                key={`${group.status}|${group.step}|${group.reason}`}
                hover
                className={classes.clickable}
                onClick={() => onSelect(group)}
              >
                {rowCells(
                  columns,
                  {
                    status: (
                      <TableCell>
                        <ToneChip label={status.label} tone={status.tone} />
                      </TableCell>
                    ),
                    step: <TableCell>{stepLabel(group.step)}</TableCell>,
                    // Grouped by the normalised text; the similar reasons
                    // differ in ids, numbers and quoted values.
                    reason: (
                      <TableCell
                        title={
                          group.reason && group.count > 1
                            ? `${group.count} attempts with reasons like this one`
                            : undefined
                        }
                        className={classes.wrap}
                      >
                        <Link
                          component="button"
                          variant="body2"
                          align="left"
                          onClick={(event: MouseEvent) => {
                            event.stopPropagation();
                            onSelect(group);
                          }}
                          aria-label={`Show the ${
                            group.count
                          } ${status.label.toLowerCase()} attempts: ${
                            reason ?? 'no reason reported'
                          }`}
                        >
                          {reason ?? <Muted>No reason reported</Muted>}
                        </Link>
                      </TableCell>
                    ),
                    attempts: <TableCell>{group.count}</TableCell>,
                    customers: <TableCell>{group.customers}</TableCell>,
                    firstSeen: (
                      <TableCell>
                        <DateTimeText iso={group.firstSeenAt} />
                      </TableCell>
                    ),
                    lastSeen: (
                      <TableCell>
                        <DateTimeText iso={group.lastSeenAt} />
                      </TableCell>
                    ),
                  },
                  { customers: group.customers },
                )}
              </TableRow>
            );
          }}
        </CardTable>
      )}
    </DataCard>
  );
}
