import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef, TimeToInstallGroupBy } from '../../api';
import { compareVersions, formatDuration } from '../format';
import {
  ColumnSpec,
  DataCard,
  foldedUnder,
  Muted,
  rowCells,
  ScrollingTable,
  useShownColumns,
} from '../shared';
import { useTableStyles } from './tableStyles';

const GROUP_BY_LABELS: Record<TimeToInstallGroupBy, string> = {
  app: 'App',
  channel: 'Channel',
  appVersion: 'App version',
};

/**
 * The columns after the group's name. Narrow windows keep the customer
 * count and the medians as columns; each p90 shows under its median (no
 * other page has them).
 */
const COLUMNS = [
  { key: 'customers', label: 'Customers' },
  { key: 'licenseMedian', label: 'License median' },
  {
    key: 'licenseP90',
    label: 'License p90',
    ...foldedUnder('licenseMedian', 'p90'),
  },
  { key: 'instanceMedian', label: 'Instance median' },
  {
    key: 'instanceP90',
    label: 'Instance p90',
    ...foldedUnder('instanceMedian', 'p90'),
  },
] as const satisfies readonly ColumnSpec[];

/** App versions in version order (2.6.1 before 2.10.0), others as sent. */
function sortGroups<T extends { key: string }>(
  groups: T[],
  groupBy: TimeToInstallGroupBy,
): T[] {
  if (groupBy !== 'appVersion') return groups;
  return [...groups].sort((a, b) => compareVersions(a.key, b.key));
}

/** A median or p90, or null when there is none. */
function duration(seconds: number | null): string | null {
  return seconds === null ? null : formatDuration(seconds);
}

/** A median or p90 cell: the duration, or a dash when there is none. */
function durationCell(seconds: number | null) {
  return (
    <TableCell align="right">{duration(seconds) ?? <Muted>–</Muted>}</TableCell>
  );
}

/**
 * Time to install across customers, grouped by app, channel or app version.
 * It ignores the attempt filters: the backend computes it per customer (the
 * instance their report shows), not per attempt.
 */
export function TimeToInstallStatsCard(props: {
  groupBy: TimeToInstallGroupBy;
  onGroupByChange: (groupBy: TimeToInstallGroupBy) => void;
}) {
  const { groupBy, onGroupByChange } = props;
  const classes = useTableStyles();
  const columns = useShownColumns(COLUMNS);
  const api = useApi(customerReportingApiRef);
  const state = useAsyncRetry(
    () => api.getTimeToInstallStats({ groupBy }),
    [api, groupBy],
  );
  return (
    <DataCard
      title="Time to install"
      subheader="All customers, each once; the filters above do not apply"
      noPadding
      action={
        <ToggleButtonGroup
          size="small"
          exclusive
          value={groupBy}
          aria-label="Group time to install by"
          // A click on the selected button gives null: keep the selection.
          onChange={(_e, value) => value && onGroupByChange(value)}
        >
          {(Object.keys(GROUP_BY_LABELS) as TimeToInstallGroupBy[]).map(g => (
            <ToggleButton key={g} value={g}>
              {GROUP_BY_LABELS[g]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      }
      state={state}
    >
      {({ groups }) =>
        groups.length === 0 ? (
          <Typography component="div" style={{ padding: 16 }}>
            <Muted>No customer has installed yet</Muted>
          </Typography>
        ) : (
          <ScrollingTable label="Time to install">
            <Table
              size="small"
              aria-label="Time to install"
              className={classes.table}
            >
              <TableHead>
                <TableRow>
                  <TableCell>{GROUP_BY_LABELS[groupBy]}</TableCell>
                  {columns.map(c => (
                    <TableCell key={c.key} align="right">
                      {c.label}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {sortGroups(groups, groupBy).map(group => (
                  <TableRow key={group.key}>
                    <TableCell className={classes.wrap}>{group.key}</TableCell>
                    {rowCells(
                      columns,
                      {
                        customers: (
                          <TableCell align="right">{group.customers}</TableCell>
                        ),
                        licenseMedian: durationCell(group.license.median),
                        licenseP90: durationCell(group.license.p90),
                        instanceMedian: durationCell(group.instance.median),
                        instanceP90: durationCell(group.instance.p90),
                      },
                      {
                        licenseP90: duration(group.license.p90),
                        instanceP90: duration(group.instance.p90),
                      },
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollingTable>
        )
      }
    </DataCard>
  );
}
