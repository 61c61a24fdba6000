import { useCallback } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { InstallAttemptList } from '@customer-reporting/plugin-customer-reporting-common';
import { useNavigate } from 'react-router-dom';
import {
  customerReportingApiRef,
  InstallAttemptFilters,
  InstallAttemptSort,
} from '../../api';
import { customerReportRouteRef } from '../../routes';
import { attemptEnvironment } from '../CustomerReport/installSteps';
import { formatDuration } from '../format';
import {
  ColumnSpec,
  CsvDownloadButton,
  DataCard,
  DateTimeText,
  foldedUnder,
  LoadMoreFooter,
  Muted,
  rowCells,
  ScrollingTable,
  ToneChip,
  useShownColumns,
} from '../shared';
import {
  ATTEMPT_STATUS_DISPLAY,
  INSTALL_TYPE_LABELS,
  NETWORK_MODE_LABELS,
  plural,
  REGISTRY_LABELS,
} from './labels';
import { useAttemptList } from './useAttemptList';
import { useTableStyles } from './tableStyles';

type Attempt = InstallAttemptList['items'][number];

/**
 * The columns, in order. Narrow windows keep the status, customer and
 * start as columns and show the rest under them: the type under the
 * status, the duration under the start, the others under the customer
 * (the customer's report lacks the app version, and finding the attempt
 * there would mean matching start times).
 */
const COLUMNS = [
  { key: 'status', label: 'Status' },
  { key: 'customer', label: 'Customer' },
  { key: 'installType', label: 'Type', ...foldedUnder('status') },
  { key: 'startedAt', label: 'Started' },
  { key: 'environment', label: 'Environment', ...foldedUnder('customer') },
  { key: 'mode', label: 'Mode', ...foldedUnder('customer') },
  { key: 'registry', label: 'Registry', ...foldedUnder('customer') },
  { key: 'appVersion', label: 'App version', ...foldedUnder('customer') },
  { key: 'duration', label: 'Duration', ...foldedUnder('startedAt') },
] as const satisfies readonly ColumnSpec[];

/** The columns the backend can sort by, with its sort key. */
const SORTS: Partial<Record<string, InstallAttemptSort>> = {
  status: 'status',
  customer: 'customer',
  installType: 'installType',
  startedAt: 'startedAt',
  duration: 'duration',
};

/** Newest and longest first feel natural; names and statuses read A→Z. */
const FIRST_ORDER: Record<InstallAttemptSort, 'asc' | 'desc'> = {
  startedAt: 'desc',
  duration: 'desc',
  customer: 'asc',
  status: 'asc',
  installType: 'asc',
};

/** A value through its labels (as sent when unknown), or null. */
function valueText(
  value: string | null | undefined,
  labels?: Record<string, string>,
): string | null {
  if (!value) return null;
  return labels?.[value] ?? value;
}

/**
 * The values of the columns narrow windows show under others, each shown
 * in its own column on wide windows.
 */
function secondaryValues(attempt: Attempt) {
  return {
    installType: valueText(attempt.installType, INSTALL_TYPE_LABELS),
    environment: valueText(attemptEnvironment(attempt.environment)),
    mode: valueText(attempt.networkMode, NETWORK_MODE_LABELS),
    registry: valueText(attempt.registry, REGISTRY_LABELS),
    appVersion: valueText(attempt.appVersion),
    duration:
      attempt.durationSeconds === null
        ? null
        : formatDuration(attempt.durationSeconds),
  };
}

/**
 * Every attempt matching the filters, sorted and paged by the backend (the
 * table only holds the pages loaded so far, so sorting them here would
 * mislead). A row opens the customer's report; "Export CSV" saves exactly
 * the filtered set.
 */
export function AttemptsTableCard(props: {
  filters: InstallAttemptFilters;
  sort: InstallAttemptSort;
  order: 'asc' | 'desc';
  onSortChange: (sort: InstallAttemptSort, order: 'asc' | 'desc') => void;
}) {
  const { filters, sort, order, onSortChange } = props;
  const api = useApi(customerReportingApiRef);
  const navigate = useNavigate();
  const reportLink = useRouteRef(customerReportRouteRef);
  const list = useAttemptList(filters, sort, order);
  const exportCsv = useCallback(
    () => api.exportInstallAttemptsCsv(filters),
    [api, filters],
  );
  const value = list.state.value;
  const classes = useTableStyles();
  const columns = useShownColumns(COLUMNS);

  return (
    <DataCard
      title={value ? plural(value.totalCount, 'attempt') : 'Attempts'}
      subheader={
        value
          ? `Showing ${value.items.length} of ${value.totalCount}`
          : undefined
      }
      action={
        <CsvDownloadButton
          label="Export CSV"
          filename="install-attempts.csv"
          fetchCsv={exportCsv}
        />
      }
      state={list.state}
      noPadding
    >
      {({ items, totalCount }) =>
        items.length === 0 ? (
          <Typography component="div" style={{ padding: 16 }}>
            <Muted>No install attempts match these filters</Muted>
          </Typography>
        ) : (
          <>
            <ScrollingTable label="Install attempts">
              <Table
                size="small"
                aria-label="Install attempts"
                className={classes.table}
              >
                <TableHead>
                  <TableRow>
                    {columns.map(({ key, label }) => {
                      const columnSort = SORTS[key];
                      return (
                        <TableCell
                          key={key}
                          sortDirection={columnSort === sort ? order : false}
                        >
                          {columnSort ? (
                            <TableSortLabel
                              active={columnSort === sort}
                              direction={
                                columnSort === sort
                                  ? order
                                  : FIRST_ORDER[columnSort]
                              }
                              onClick={() => {
                                if (columnSort !== sort)
                                  onSortChange(
                                    columnSort,
                                    FIRST_ORDER[columnSort],
                                  );
                                else
                                  onSortChange(
                                    columnSort,
                                    order === 'asc' ? 'desc' : 'asc',
                                  );
                              }}
                            >
                              {label}
                            </TableSortLabel>
                          ) : (
                            label
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {items.map((attempt: Attempt) => {
                    const status = ATTEMPT_STATUS_DISPLAY[attempt.status];
                    const href = reportLink({
                      customerId: attempt.customer.id,
                    });
                    const secondary = secondaryValues(attempt);
                    const cell = (
                      key: keyof typeof secondary,
                      wrap = false,
                    ) => (
                      <TableCell
                        className={wrap ? classes.wrap : classes.nowrap}
                      >
                        {secondary[key] ?? <Muted>–</Muted>}
                      </TableCell>
                    );
                    return (
                      <TableRow
                        key={attempt.id}
                        hover
                        style={{ cursor: 'pointer' }}
                        onClick={event => {
                          // The name link navigates by itself.
                          if ((event.target as HTMLElement).closest('a'))
                            return;
                          navigate(href);
                        }}
                      >
                        {rowCells(
                          columns,
                          {
                            status: (
                              <TableCell className={classes.nowrap}>
                                <ToneChip
                                  label={status.label}
                                  tone={status.tone}
                                  ariaLabel={`Status: ${status.label}`}
                                />
                              </TableCell>
                            ),
                            customer: (
                              <TableCell className={classes.wrap}>
                                <Link to={href}>{attempt.customer.name}</Link>
                              </TableCell>
                            ),
                            installType: cell('installType'),
                            startedAt: (
                              <TableCell className={classes.wrap}>
                                <DateTimeText iso={attempt.startedAt} />
                              </TableCell>
                            ),
                            environment: cell('environment', true),
                            mode: cell('mode'),
                            registry: cell('registry'),
                            appVersion: cell('appVersion', true),
                            duration: cell('duration'),
                          },
                          secondary,
                        )}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </ScrollingTable>
            <LoadMoreFooter
              list={list}
              what="attempts"
              remaining={totalCount - items.length}
            />
          </>
        )
      }
    </DataCard>
  );
}
