import { useMemo } from 'react';
import Button from '@material-ui/core/Button';
import { EmptyState, Progress, Table } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { CustomerSummary } from '@customer-reporting/plugin-customer-reporting-common';
import { useNavigate } from 'react-router-dom';
import { customerReportRouteRef } from '../../routes';
import { customerColumns, CustomerSortState } from './customerColumns';
import { useCustomerList } from './useCustomerList';
import { CustomerFilters } from './useCustomerFilters';
import { LoadError, LoadMoreFooter, useNarrowWindow } from '../shared';

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

  return (
    <>
      <Table<CustomerSummary>
        title={`${list.totalCount} ${
          list.totalCount === 1 ? 'customer' : 'customers'
        }`}
        subtitle={`Showing ${list.items.length} of ${list.totalCount}`}
        columns={columns}
        data={list.items}
        isLoading={list.loading}
        onRowClick={(event, row) => {
          // The name link navigates by itself; avoid a second history entry.
          if ((event?.target as HTMLElement | undefined)?.closest('a')) return;
          if (row) navigate(reportLink({ customerId: row.id }));
        }}
        options={{
          // Paging, search and sorting all happen on the backend.
          paging: false,
          search: false,
          sorting: false,
          // Dragged headers would be a second button around each sort button.
          draggable: false,
          padding: 'dense',
        }}
      />
      <LoadMoreFooter
        list={list}
        what="customers"
        remaining={list.totalCount - list.items.length}
        spacing="below"
      />
    </>
  );
}
