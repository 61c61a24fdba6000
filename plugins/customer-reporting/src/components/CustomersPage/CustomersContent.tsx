import { useCallback } from 'react';
import Box from '@material-ui/core/Box';
import { CustomerSort } from '@customer-reporting/plugin-customer-reporting-common';
import { Content, ContentHeader } from '@backstage/core-components';
import { CustomerExports } from './CustomerExports';
import { CustomerFilterBar } from './CustomerFilterBar';
import { CustomersTable } from './CustomersTable';
import { useCustomerFilters } from './useCustomerFilters';

/**
 * Body of the customer list page without the page header (the router and
 * the new frontend system draw it): filters and sort, kept in the URL query
 * string, above the customer table.
 */
export function CustomersContent() {
  const { filters, setFilters, clearFilters, hasFilters } =
    useCustomerFilters();
  const onSort = useCallback(
    (sort: CustomerSort, order: 'asc' | 'desc') => setFilters({ sort, order }),
    [setFilters],
  );

  return (
    <Content>
      <ContentHeader title="Customers">
        <CustomerExports />
      </ContentHeader>
      <Box mb={2}>
        <CustomerFilterBar
          filters={filters}
          onChange={setFilters}
          onClear={clearFilters}
          hasFilters={hasFilters}
        />
      </Box>
      <CustomersTable
        filters={filters}
        hasFilters={hasFilters}
        onClearFilters={clearFilters}
        onSort={onSort}
      />
    </Content>
  );
}
