import { useMemo } from 'react';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { EmptyState, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useNavigate } from 'react-router-dom';
import { customerReportRouteRef } from '../../routes';
import { customerColumns, CustomerSortState } from './customerColumns';
import { useCustomerList } from './useCustomerList';
import { CustomerFilters } from './useCustomerFilters';
import {
  LoadError,
  LoadMoreFooter,
  ScrollingTable,
  useNarrowWindow,
} from '../shared';

// The look of Backstage's Table (its toolbar and header styles), without
// material-table: that table renders its rows twice on mount (its
// componentDidMount sets state) and copies every row; without it the list
// takes half the time from its answer to the screen.
const useStyles = makeStyles((theme: Theme) => ({
  toolbar: { padding: theme.spacing(3, 2, 2.5, 2.5) },
  header: {
    padding: theme.spacing(1, 2, 1, 2.5),
    borderTop: `1px solid ${theme.palette.grey.A100}`,
    borderBottom: `1px solid ${theme.palette.grey.A100}`,
    fontWeight: theme.typography.fontWeightBold as number,
    textTransform: 'uppercase',
    verticalAlign: 'bottom',
  },
  cell: { padding: theme.spacing(1, 2, 1, 2.5), verticalAlign: 'top' },
  row: { cursor: 'pointer' },
  progressSpace: { height: 4 },
  stale: { opacity: 0.5 },
}));

/**
 * The customer table with its loading, error, empty and "Load more" states.
 * A row opens the customer's report.
 */
export function CustomersTable(props: {
  filters: CustomerFilters;
  hasFilters: boolean;
  onClearFilters: () => void;
  onSort: CustomerSortState['onSort'];
}) {
  const { filters, hasFilters, onClearFilters, onSort } = props;
  const { sort, order } = filters;
  const classes = useStyles();
  const narrow = useNarrowWindow();
  const reportLink = useRouteRef(customerReportRouteRef);
  const columns = useMemo(
    () => customerColumns({ sort, order, onSort }, reportLink, narrow),
    [sort, order, onSort, reportLink, narrow],
  );
  const list = useCustomerList(filters);
  const navigate = useNavigate();

  if (list.error) {
    return (
      <LoadError
        variant="page"
        what="the customers"
        error={list.error}
        retry={list.retry}
      />
    );
  }

  // Only before the first answer: later reloads keep the old rows visible
  // under the table's own loading overlay instead of flashing a spinner.
  if (!list.loaded) {
    return <Progress />;
  }

  if (list.items.length === 0 && !list.loading) {
    return (
      <EmptyState
        missing="data"
        title="No customers"
        description={
          hasFilters
            ? 'No customer matches these filters.'
            : 'No customer has been reported to the customer-reporting backend yet.'
        }
        action={
          hasFilters ? (
            <Button variant="outlined" color="primary" onClick={onClearFilters}>
              Clear filters
            </Button>
          ) : undefined
        }
      />
    );
  }

  const shown = columns.filter(column => !column.hidden);
  return (
    <>
      <Paper>
        <div className={classes.toolbar}>
          <Typography variant="h5" component="h2">
            {`${list.totalCount} ${
              list.totalCount === 1 ? 'customer' : 'customers'
            }`}
          </Typography>
          <Typography color="textSecondary" variant="body1">
            {`Showing ${list.items.length} of ${list.totalCount}`}
          </Typography>
        </div>
        {/* A reload (new filters or sort) keeps the old rows, dimmed; the
            bar's height stays taken so the rows do not move. */}
        {list.loading ? (
          <LinearProgress aria-label="Loading customers" />
        ) : (
          <div className={classes.progressSpace} />
        )}
        <ScrollingTable label="Customers">
          <Table size="small" aria-label="Customers" aria-busy={list.loading}>
            <TableHead>
              <TableRow>
                {shown.map(column => (
                  <TableCell
                    key={column.field}
                    className={classes.header}
                    style={{ width: column.width }}
                  >
                    {column.title}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody className={list.loading ? classes.stale : undefined}>
              {list.items.map(row => (
                <TableRow
                  key={row.id}
                  hover
                  className={classes.row}
                  onClick={event => {
                    // The name link navigates by itself; avoid a second
                    // history entry.
                    if ((event.target as HTMLElement).closest('a')) return;
                    navigate(reportLink({ customerId: row.id }));
                  }}
                >
                  {shown.map(column => (
                    <TableCell
                      key={column.field}
                      className={classes.cell}
                      style={column.cellStyle}
                    >
                      {column.render(row)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollingTable>
      </Paper>
      <LoadMoreFooter
        list={list}
        what="customers"
        remaining={list.totalCount - list.items.length}
        spacing="below"
      />
    </>
  );
}
