import { useCallback } from 'react';
import Box from '@material-ui/core/Box';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import { CsvDownloadButton } from '../shared';

/**
 * CSV downloads of all customers and of all instances with their customer.
 * They ignore the list filters: the export routes take none.
 */
export function CustomerExports() {
  const api = useApi(customerReportingApiRef);
  const customersCsv = useCallback(() => api.exportCustomersCsv(), [api]);
  const instancesCsv = useCallback(
    () => api.exportCustomerInstancesCsv(),
    [api],
  );
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      <CsvDownloadButton
        label="Customers CSV"
        filename="customers.csv"
        fetchCsv={customersCsv}
      />
      <CsvDownloadButton
        label="Instances CSV"
        filename="customers-instances.csv"
        fetchCsv={instancesCsv}
      />
    </Box>
  );
}
